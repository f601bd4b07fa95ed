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
    let results: Connection
    let calendar: WorkdayCalendar
    let policy: ScoringPolicy
    let logger: Logger
    /// The instant recorded as "now" for runs, issues and checks.
    let now: Date
    /// Whether `now` is pretended (`--now`, drills and demos) rather than the real clock.
    let pretending: Bool
    private var ministryConnection: Connection?

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

    /// Runs every step of the plan, in order; returns one outcome per piece of work.
    public func run(_ plan: DuePlan) -> [DueOutcome] {
        for warning in plan.warnings { logger.warning("\(warning)") }
        var outcomes: [DueOutcome] = []
        for step in plan.steps {
            switch step {
            case let .reconcile(quarter, first, last):
                for province in config.provinces {
                    outcomes.append(reconcile(province, quarter: quarter, windowFirst: first, windowLast: last))
                }
            case .track:
                for province in config.provinces { outcomes.append(track(province)) }
            case let .score(quarter, _):
                outcomes.append(score(quarter))
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

    /// Runs `body` holding the advisory lock `name`, or reports who holds it.
    func locked(_ name: String, step: String, province: String?, _ body: () throws -> DueOutcome) -> DueOutcome {
        do {
            guard try results.tryAdvisoryLock(name) else {
                let holder = (try? results.advisoryLockHolder(name)) ?? nil
                return DueOutcome(step: step, province: province, status: .held,
                                  detail: "lock \(name) is held by \(holder ?? "another session")")
            }
            defer { _ = try? results.advisoryUnlock(name) }
            return try body()
        } catch {
            return DueOutcome(step: step, province: province, status: .failed, detail: String(describing: error))
        }
    }

    // MARK: - Steps

    func reconcile(_ province: ProvinceConfig, quarter: Quarter, windowFirst: CivilDate, windowLast: CivilDate) -> DueOutcome {
        locked("recon.due.reconcile.\(province.code)", step: "reconcile", province: province.code) {
            let window = try calendar.reconciliationWindow(quarter, policy: windowPolicy(first: windowFirst, quarter: quarter))
            if let official = try OfficialRun.find(province: province.code, window: window, recordSets: config.recordSets.map(\.name), on: results) {
                let issued = try issueOfficialList(official)
                return DueOutcome(step: "reconcile", province: province.code, status: .skipped,
                                  detail: "official run \(official.runID) of \(quarter) exists" + (issued.map { "; \($0)" } ?? ""))
            }
            let started = Date()
            let sources = try ReconcileSources(config: config, provinceCode: province.code, environment: environment)
            var options = ReconcileOptions()
            options.progress = false
            options.startedAt = pretending ? now : nil
            let outcome = try Reconciler(sources: sources, provinceCode: province.code, provinceName: province.name,
                                         recordSets: config.recordSets, options: options).run()
            let totals = outcome.totals
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            let summary = "run \(outcome.runID): rows \(totals.ministryRows)/\(totals.provinceRows), differences \(totals.differingKeys) of \(totals.unionKeys) keys, rate \(totals.rate), \(seconds) s"
            guard let official = try OfficialRun.find(province: province.code, window: window, recordSets: config.recordSets.map(\.name), on: results),
                  official.runID == Int(outcome.runID) else {
                return DueOutcome(step: "reconcile", province: province.code, status: .done,
                                  detail: summary + " (finished outside the window: not official)")
            }
            let issued = try issueOfficialList(official)
            return DueOutcome(step: "reconcile", province: province.code, status: .done,
                              detail: summary + (issued.map { "; \($0)" } ?? ""))
        }
    }

    /// The window policy whose window starts on `first` (the reconciliation or the rectification one).
    func windowPolicy(first: CivilDate, quarter: Quarter) throws -> ReconciliationWindowPolicy {
        let rectification = try calendar.reconciliationWindow(quarter, policy: policy.rectificationWindow)
        return rectification.firstDay == first && policy.rectificationWindow != policy.reconciliationWindow
            ? policy.rectificationWindow : policy.reconciliationWindow
    }

    /// The instant of a step: the real clock, or the pretended `now`.
    func clock() -> Date { pretending ? now : Date() }

    /// Issues (idempotently) the official list of a run, at the real clock — never before the run
    /// finished (a pretended `now` is moved to the run's end) — and exports it when an output folder is set.
    func issueOfficialList(_ run: OfficialRun) throws -> String? {
        let issuedAt = pretending ? max(now, run.finishedAt) : Date()
        let outcome = try ListIssuer(connection: results).issue(runID: Int64(run.runID), official: true, issuedAt: issuedAt)
        guard outcome.created || outcome.markedOfficial else { return nil }
        var text = "list \(outcome.list.id) issued (\(outcome.list.itemCount) items, deadline \(BeijingTimeFormat.humanDeadline(end: outcome.list.deadline)))"
        if let folder = config.outputDirectory {
            let exporter = ListExporter(connection: results, recordSets: config.recordSets)
            for format in [ListFormat.csv, .xlsx] {
                let exported = try exporter.export(listID: outcome.list.id, format: format, to: folder, now: issuedAt)
                text += "; \(exported.path)"
            }
        }
        return text
    }

    func track(_ province: ProvinceConfig) -> DueOutcome {
        locked("recon.due.track.\(province.code)", step: "track", province: province.code) {
            let tracker = Tracker(results: results, ministry: try ministry(), recordSets: config.recordSets) { code in
                let source = try self.config.province(code).source
                return try Connection(conninfo: try source.resolve(environment: self.environment), applicationName: "recon track \(code)")
            }
            let report = try tracker.track(province: province.code, at: clock())
            return DueOutcome(step: "track", province: province.code, status: report.lists.isEmpty ? .skipped : .done,
                              detail: report.lists.isEmpty ? "no open lists" : report.summary)
        }
    }

    func score(_ quarter: Quarter) -> DueOutcome {
        locked("recon.due.score.\(quarter)", step: "score", province: nil) {
            if try ScoreStore.exists(quarter, on: results) {
                return DueOutcome(step: "score", province: nil, status: .skipped, detail: "\(quarter) already scored")
            }
            let scores = try QuarterScoring.run(config: config, results: results, quarter: quarter,
                                                policyName: policy.name, environment: environment)
            var detail = "\(quarter) scored for \(scores.provinces.count) provinces"
            if let folder = config.outputDirectory {
                detail += "; \(try ScoreExport.writeXLSX(scores, folder: folder)); \(try ScoreExport.writeCSV(scores, folder: folder))"
            }
            return DueOutcome(step: "score", province: nil, status: .done, detail: detail)
        }
    }

    func ministry() throws -> Connection {
        if let ministryConnection { return ministryConnection }
        let connection = try Connection(conninfo: try config.ministry.resolve(environment: environment), applicationName: "recon due ministry")
        ministryConnection = connection
        return connection
    }
}
