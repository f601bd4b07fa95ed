import Foundation
import Logging
import PostgresClient
import ReconRules

/// Carries out a ``DuePlan``: each province's work under its own advisory lock, so that several
/// copies of `recon due` (on several hosts) share the work without a coordinator; a failed province
/// does not stop the others.
public final class DueRunner {
    let config: ReconConfig
    let environment: [String: String]
    var results: Connection
    let calendar: WorkdayCalendar
    /// The configured policy; each quarter is served by its own (`policies`).
    let policy: ScoringPolicy
    let logger: Logger
    /// The instant recorded as "now" for runs, issues and checks.
    let now: Date
    /// Whether `now` is pretended (`--now`, drills and demos) rather than the real clock.
    let pretending: Bool
    /// The ministry connection of this runner's steps (kept between provinces; read by the budget
    /// watch's thread, hence the slot).
    let ministrySlot = ConnectionSlot()
    var ministryConnection: Connection? {
        get { ministrySlot.connection }
        set { ministrySlot.connection = newValue }
    }
    /// Test hook: called in the committing transaction of a reconcile, before the official check.
    public var beforeOfficialCheck: (@Sendable (String) -> Void)? = nil
    /// Parallelism, the per-province time budget and the wait for work held by another copy.
    public var settings = DueSettings()
    /// Opens another results connection, for parallel workers (`nil`: provinces one at a time).
    public var openResults: (@Sendable () throws -> Connection)? = nil
    /// The parallel workers' runners (each with its own results connection), made once.
    var workerRunners: [DueRunner] = []

    /// A runner over a migrated results database.
    public init(config: ReconConfig, environment: [String: String], results: Connection, calendar: WorkdayCalendar,
                policy: ScoringPolicy, logger: Logger, pretendNow: Date? = nil) {
        self.config = config
        self.environment = environment
        self.results = results
        self.calendar = calendar
        self.policy = policy
        self.logger = logger
        self.now = pretendNow ?? Date()
        self.pretending = pretendNow != nil
    }

    /// A parallel worker's runner: `other`'s settings and clock on its own results connection.
    init(worker other: DueRunner, results: Connection) {
        config = other.config
        environment = other.environment
        self.results = results
        calendar = other.calendar
        policy = other.policy
        logger = other.logger
        now = other.now
        pretending = other.pretending
        beforeOfficialCheck = other.beforeOfficialCheck
        settings = other.settings
    }

    /// The policies of the quarters: stored with each quarter, else the configured one.
    var policies: QuarterPolicies { QuarterPolicies(configured: policy) }

    /// The plan of `date`, each quarter judged by its stored policy (else the configured one) and
    /// with the ministry's window extensions (docs/rules.md, "Which policy serves a quarter").
    public func plan(date: CivilDate) throws -> DuePlan {
        let quarters = ScoringPolicy.candidateQuarters(of: date)
        return try DuePlanner.plan(date: date, calendar: calendar, policy: policy,
                                   stored: try QuarterPolicies.storedPolicies(quarters, on: results),
                                   extensions: try quarters.compactMap { try WindowExtension.find($0, on: results) })
    }

    /// Runs every step of the plan, in order; returns one outcome per piece of work.
    ///
    /// First, whatever the plan, runs left 'running' by a session that ended (a killed `recon`)
    /// are marked failed, so `recon runs` never shows a dead run as going on.
    public func run(_ plan: DuePlan) -> [DueOutcome] {
        for warning in plan.warnings { logger.warning("\(warning)") }
        reapStaleRuns()
        var outcomes: [DueOutcome] = []
        for step in plan.steps {
            switch step {
            case let .reconcile(quarter, first, last):
                // The quarter keeps the policy it is first planned under (recon.quarter_policies).
                do {
                    let fixed = try policies.fix(quarter, by: "recon due \(plan.date)", at: clock(), on: results)
                    logger.info("\(quarter) is served by policy \(fixed.name): window \(first) – \(last)")
                } catch {
                    outcomes.append(DueOutcome(step: "reconcile", province: nil, status: .failed,
                                               detail: "fixing the policy of \(quarter): \(error)"))
                    continue
                }
                outcomes += eachProvince { runner, province, wait in
                    runner.reconcile(province, quarter: quarter, windowFirst: first, windowLast: last, wait: wait)
                }
            case .track:
                outcomes += eachProvince { runner, province, wait in runner.track(province, wait: wait) }
            case let .score(quarter, _):
                outcomes.append(waitingIfHeld { score(quarter, wait: $0) })
            case let .publish(quarter):
                outcomes.append(waitingIfHeld { publish(quarter, wait: $0) })
            case let .files(quarters):
                if let outcome = waitingIfHeld(optional: { files(quarters, wait: $0) }) { outcomes.append(outcome) }
            case let .checkOfficialRuns(quarters):
                checkOfficialRuns(quarters)
            }
        }
        for outcome in outcomes {
            switch outcome.status {
            case .failed: logger.error("\(outcome)")
            case .held: logger.notice("\(outcome)")
            default: logger.info("\(outcome)")
            }
        }
        return outcomes
    }

    // MARK: - Locks

    /// Runs `body` holding the advisory lock `name` (waiting up to `wait` seconds for it), or reports
    /// who holds it. A province's step runs within the province's time budget (``budgeted``).
    func locked(_ name: String, step: String, province: String?, wait: TimeInterval = 0,
                _ body: () throws -> DueOutcome) -> DueOutcome {
        do {
            guard try acquire(name, wait: wait) else {
                let holder = (try? results.advisoryLockHolder(name)) ?? nil
                return DueOutcome(step: step, province: province, status: .held,
                                  detail: "lock \(name) is held by \(holder ?? "another session")"
                                    + (wait > 0 ? " (still, after waiting \(Int(wait)) s)" : ""))
            }
            defer { _ = try? results.advisoryUnlock(name) }
            if let province { return try budgeted(step: step, province: province, body) }
            return try body()
        } catch {
            return DueOutcome(step: step, province: province, status: .failed, detail: String(describing: error))
        }
    }

    // MARK: - Steps

    func reconcile(_ province: ProvinceConfig, quarter: Quarter, windowFirst: CivilDate, windowLast: CivilDate,
                   wait: TimeInterval = 0) -> DueOutcome {
        locked("recon.due.reconcile.\(province.code)", step: "reconcile", province: province.code, wait: wait) {
            let quarterPolicy = try policies.policy(of: quarter, on: results)
            let kind: OfficialWindowKind = try windowPolicy(first: windowFirst, quarter: quarter, policy: quarterPolicy)
                == quarterPolicy.reconciliationWindow ? .reconciliation : .rectification
            if let official = try OfficialRun.find(province: province.code, quarter: quarter, kind: kind, on: results) {
                let issued = try issueOfficialList(official)
                return DueOutcome(step: "reconcile", province: province.code, status: .skipped,
                                  detail: "official run \(official.runID) of \(quarter) exists" + (issued.map { "; \($0)" } ?? ""))
            }
            let started = Date()
            let sources = try ReconcileSources(config: config, provinceCode: province.code, environment: environment)
            var options = ReconcileOptions()
            options.progress = false
            options.readMode = province.readMode
            options.startedAt = pretending ? now : nil
            // The official decision is taken in the transaction that commits the run; a second copy
            // racing to commit rolls back (docs/rules.md, "Official run").
            options.official = OfficialMarking(calendar: calendar, policy: policy, requiredRecordSets: config.recordSets.map(\.name),
                                               onlyIfFirst: true, beforeCheck: beforeOfficialCheck)
            let outcome: RunOutcome
            do {
                outcome = try Reconciler(sources: sources, provinceCode: province.code, provinceName: province.name,
                                         recordSets: config.recordSets, options: options).run()
            } catch let already as AlreadyOfficial {
                return DueOutcome(step: "reconcile", province: province.code, status: .skipped,
                                  detail: "\(already) (committed by another copy first; this copy's run was rolled back)")
            }
            let totals = outcome.totals
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            let summary = "run \(outcome.runID): rows \(totals.ministryRows)/\(totals.provinceRows), differences \(totals.differingKeys) of \(totals.unionKeys) keys, rate \(totals.rate), \(seconds) s"
            guard case .official = outcome.official,
                  let official = try OfficialRun.find(province: province.code, quarter: quarter, kind: kind, on: results),
                  official.runID == Int(outcome.runID) else {
                var reason = "not official"
                if case let .selfCheck(why) = outcome.official { reason = why }
                // Loud: this province has no official run of the quarter (10 and 11 would be 0).
                logger.warning("province \(province.code) \(province.name): run \(outcome.runID) of the \(quarter) window (\(windowFirst) – \(windowLast)) is NOT official: \(reason)")
                return DueOutcome(step: "reconcile", province: province.code, status: .failed,
                                  detail: summary + " — NOT official: \(reason)")
            }
            let issued = try issueOfficialList(official)
            return DueOutcome(step: "reconcile", province: province.code, status: .done,
                              detail: summary + " — official run of \(quarter)" + (issued.map { "; \($0)" } ?? ""))
        }
    }

    /// The window policy whose window starts on `first` (the reconciliation or the rectification one).
    func windowPolicy(first: CivilDate, quarter: Quarter, policy: ScoringPolicy) throws -> ReconciliationWindowPolicy {
        let rectification = try calendar.reconciliationWindow(quarter, policy: policy.rectificationWindow)
        return rectification.firstDay == first && policy.rectificationWindow != policy.reconciliationWindow
            ? policy.rectificationWindow : policy.reconciliationWindow
    }

    /// The instant of a step: the real clock, or the pretended `now`.
    func clock() -> Date { pretending ? now : Date() }

    /// Issues (idempotently) the official list of a run, at the real clock — never before the run
    /// finished (a pretended `now` is moved to the run's end). Its files are written by the files
    /// step of the same pass (and of every later pass until they exist).
    func issueOfficialList(_ run: OfficialRun) throws -> String? {
        let issuedAt = pretending ? max(now, run.finishedAt) : Date()
        let outcome = try ListIssuer(connection: results).issue(runID: Int64(run.runID), official: true, issuedAt: issuedAt)
        guard outcome.created else { return nil }
        return "official list \(outcome.list.id) issued (\(outcome.list.itemCount) items, deadline \(BeijingTimeFormat.humanDeadline(end: outcome.list.deadline)))"
    }

    func track(_ province: ProvinceConfig, wait: TimeInterval = 0) -> DueOutcome {
        locked("recon.due.track.\(province.code)", step: "track", province: province.code, wait: wait) {
            let tracker = Tracker(results: results, ministry: try ministry(), recordSets: config.recordSets) { code in
                let source = try self.config.province(code).source
                return try Connection(conninfo: try source.resolve(environment: self.environment), applicationName: "recon track \(code)")
            }
            let report = try tracker.track(province: province.code, at: clock())
            return DueOutcome(step: "track", province: province.code, status: report.lists.isEmpty ? .skipped : .done,
                              detail: report.lists.isEmpty ? "no open lists" : report.summary)
        }
    }

    /// The draft of `quarter`, when it is ready (docs/rules.md, "Draft scores").
    func score(_ quarter: Quarter, wait: TimeInterval = 0) -> DueOutcome {
        locked("recon.due.score.\(quarter)", step: "score", province: nil, wait: wait) {
            let lifecycle = QuarterLifecycle(results: results, calendar: calendar)
            // An official run without its list (killed between the two) gets it now; the draft
            // then waits for its deadline.
            _ = try issueMissingOfficialLists(quarter)
            let first = try lifecycle.firstQuarter(configured: config.firstQuarter, policies: policies)
            switch try lifecycle.readiness(quarter, at: clock(), firstQuarter: first) {
            case let .done(reason), let .never(reason):
                return DueOutcome(step: "score", province: nil, status: .skipped, detail: reason)
            case let .waiting(reason):
                return DueOutcome(step: "score", province: nil, status: .skipped, detail: "waiting: \(reason)")
            case .ready: break
            }
            var problems: [String] = []
            // Scored under the policy its official runs were made under (recon.quarter_policies).
            let quarterPolicy = try policies.fix(quarter, by: "recon due (draft)", at: clock(), on: results)
            let version = try lifecycle.draft(quarter, at: clock(), firstQuarter: first, by: "recon due") {
                let scores = try QuarterScoring.compute(config: config, results: results, quarter: quarter,
                                                        policyName: quarterPolicy.name, environment: environment)
                problems = scores.provinces.flatMap { p in p.problems.map { "province \(p.provinceCode) \(p.provinceName): \($0)" } }
                return scores
            }
            for problem in problems { logger.error("\(quarter) draft: \(problem)") }
            let detail = "\(quarter) draft (version \(version.version)) of \(version.scores.provinces.count) provinces on public notice until \(version.scores.noticeEnds)"
            return DueOutcome(step: "score", province: nil, status: problems.isEmpty ? .done : .failed,
                              detail: problems.isEmpty ? detail : detail + "; problems: " + problems.joined(separator: "; "))
        }
    }

    /// Publication of `quarter` at the end of its notice (第十一条).
    func publish(_ quarter: Quarter, wait: TimeInterval = 0) -> DueOutcome {
        locked("recon.due.publish.\(quarter)", step: "publish", province: nil, wait: wait) {
            let lifecycle = QuarterLifecycle(results: results, calendar: calendar)
            switch try lifecycle.stage(quarter) {
            case .notScored:
                return DueOutcome(step: "publish", province: nil, status: .skipped, detail: "\(quarter) has no draft yet")
            case let .published(publication, _):
                return DueOutcome(step: "publish", province: nil, status: .skipped,
                                  detail: "\(quarter) published \(BeijingTimeFormat.human(publication.publishedAt))")
            case let .onNotice(current, noticeEnds):
                if clock() < BeijingTime.endOfDay(noticeEnds) {
                    return DueOutcome(step: "publish", province: nil, status: .skipped,
                                      detail: "\(quarter) version \(current.version) is on public notice until \(noticeEnds) 24:00")
                }
                do {
                    let publication = try lifecycle.publish(quarter, by: "recon due", at: clock())
                    return DueOutcome(step: "publish", province: nil, status: .done,
                                      detail: "\(quarter) published (version \(current.version), publication \(publication.id), \(publication.ranks.count) provinces ranked)")
                } catch let error as LifecycleError {
                    return DueOutcome(step: "publish", province: nil, status: .failed, detail: "publication held: \(error)")
                }
            }
        }
    }

    /// Files are state: the missing files of `quarters` are written and stale `.partial` files removed.
    func files(_ quarters: [Quarter], wait: TimeInterval = 0) -> DueOutcome? {
        guard let folder = config.outputDirectory else { return nil }
        return locked("recon.due.files", step: "files", province: nil, wait: wait) {
            for quarter in quarters { _ = try issueMissingOfficialLists(quarter) }
            let files = ResultFiles(results: results, recordSets: config.recordSets, folder: folder, bulletin: config.bulletin)
            let removed = try files.removeStalePartials()
            var written: [String] = []
            for quarter in quarters { written += try files.writeMissing(quarter: quarter, at: clock()) }
            if written.isEmpty && removed.isEmpty {
                return DueOutcome(step: "files", province: nil, status: .skipped, detail: "every file is in \(folder)")
            }
            return DueOutcome(step: "files", province: nil, status: .done,
                              detail: (written.isEmpty ? "" : "wrote \(written.joined(separator: ", "))")
                                + (removed.isEmpty ? "" : "\(written.isEmpty ? "" : "; ")removed stale \(removed.joined(separator: ", "))"))
        }
    }

    /// Issues the list of every official run of `quarter` that has none (not once the quarter is
    /// drafted: its scores are computed then). Returns what was issued.
    func issueMissingOfficialLists(_ quarter: Quarter) throws -> [String] {
        if try ScoreStore.exists(quarter, on: results) { return [] }
        var issued: [String] = []
        for run in try OfficialRun.all(quarter: quarter, on: results) {
            if let text = try issueOfficialList(run) {
                logger.notice("official run \(run.runID) of \(quarter) had no list: \(text)")
                issued.append(text)
            }
        }
        return issued
    }

    /// Names, loudly, every province without an official run of `quarters` (unless published).
    func checkOfficialRuns(_ quarters: [Quarter]) {
        let first = try? QuarterLifecycle(results: results, calendar: calendar).firstQuarter(configured: config.firstQuarter, policies: policies)
        for quarter in quarters {
            // A quarter before the system's first is never scored: nothing to warn about.
            guard let first, quarter >= first else { continue }
            do {
                if try Publication.current(quarter, on: results) != nil { continue }
                for province in config.provinces
                where try OfficialRun.find(province: province.code, quarter: quarter, kind: .reconciliation, on: results) == nil {
                    logger.warning("province \(province.code) \(province.name) has NO official run of \(quarter): its window is over, so indicators 10 and 11 score 0 (未在每季度第一周完成数据对账)")
                }
            } catch {
                logger.error("checking the official runs of \(quarter): \(error)")
            }
        }
    }

    /// A healthy connection to the ministry registry for the next province's step: the one of the
    /// earlier steps when it still answers, else a new one (a connection that died — server
    /// restart, terminated session, network — fails one province at most, not the rest of the pass).
    func ministry() throws -> Connection {
        if let cached = ministryConnection {
            if cached.isAlive() { return cached }
            logger.notice("the ministry connection was lost; reconnecting")
            ministryConnection = nil
        }
        let connection = try Connection(conninfo: try config.ministry.resolve(environment: environment), applicationName: "recon due ministry")
        ministryConnection = connection
        return connection
    }

    /// Marks failed the runs whose session ended before they finished (``RunStore/reapStaleRuns()``).
    func reapStaleRuns() {
        do {
            let reaped = try RunStore(connection: results).reapStaleRuns()
            if !reaped.isEmpty {
                logger.warning("marked failed \(reaped.count) run(s) left 'running' by a session that ended: \(reaped.map(String.init).joined(separator: ", "))")
            }
        } catch {
            logger.error("reaping runs left 'running': \(error)")
        }
    }
}
