import Foundation
import PostgresClient
import ReconRules

/// A quarter's results from the draft to publication (docs/rules.md, "The quarter's lifecycle"):
///
///     (not scored) --draft--> 公示 (on notice, versions 1, 2, …) --publish--> 已公布 (published)
///                                  ^ objection accepted: a correction version    |
///                                                                                 +--republish (reason)--> 已公布 (again)
///
/// Every transition runs in one transaction under the quarter's transaction-level advisory lock
/// (`recon.quarter.<Q>`), checks its conditions inside it, and writes only rows the database keeps
/// for good (versions, objections, publications are never updated in place or deleted). `recon due`,
/// the CLI and the portal all go through here.
public struct QuarterLifecycle {
    /// The results database.
    public let results: Connection
    /// The calendar of the dates (第八条, 第十一条).
    public let calendar: WorkdayCalendar

    /// A lifecycle over a migrated results database.
    public init(results: Connection, calendar: WorkdayCalendar) {
        self.results = results
        self.calendar = calendar
    }

    /// The transaction lock of a quarter's lifecycle.
    public static func lockName(_ quarter: Quarter) -> String { "recon.quarter.\(quarter)" }

    // MARK: - State

    /// Where a quarter's results stand.
    public enum Stage: Sendable, Equatable {
        /// No version stored (a preview can still be computed).
        case notScored
        /// 公示中: the newest version is on public notice until the end of `noticeEnds`.
        case onNotice(current: ScoringVersion, noticeEnds: CivilDate)
        /// 已公布.
        case published(Publication, current: ScoringVersion)

        /// 中文, without the time of the question (a version on notice is 公示中).
        public var label: String {
            switch self {
            case .notScored: return "未评分"
            case let .onNotice(current, noticeEnds): return "公示中（第\(current.version)版，公示期至 \(noticeEnds)）"
            case let .published(publication, _): return "已公布（\(BeijingTimeFormat.human(publication.publishedAt))）"
            }
        }

        /// 中文 at `now`: after 24:00 of the notice's last day a version not yet published is
        /// 公示期已结束，待公布 (objections are refused from then on; docs/rules.md, "Published results").
        public func label(at now: Date) -> String {
            if case let .onNotice(current, noticeEnds) = self, now >= BeijingTime.endOfDay(noticeEnds) {
                return "公示期已结束，待公布（第\(current.version)版，公示期至 \(noticeEnds)）"
            }
            return label
        }
    }

    /// The stage of `quarter`.
    public func stage(_ quarter: Quarter, on db: Connection? = nil) throws -> Stage {
        let db = db ?? results
        if let publication = try Publication.current(quarter, on: db) {
            return .published(publication, current: try ScoreStore.load(id: publication.scoringID, on: db))
        }
        guard let current = try ScoreStore.current(quarter, on: db) else { return .notScored }
        return .onNotice(current: current, noticeEnds: current.scores.noticeEnds)
    }

    /// The first quarter the system scores: `configured`, else the first quarter whose window had
    /// not ended when its first run started (Beijing time) — the previous quarter when that run
    /// started before the end of the previous quarter's window (by default in the month after it:
    /// a first run on 2026-10-09 sees 2026Q3), else the quarter of that run; nil when it has never
    /// run. Quarters before it are never scored: the system did not see them (docs/rules.md,
    /// "Draft scores"). `policies`: each quarter's policy (without it, the quarter of the run).
    public func firstQuarter(configured: Quarter?, policies: QuarterPolicies? = nil) throws -> Quarter? {
        if let configured { return configured }
        let row = try results.execute("SELECT \(ListTime.microsSQL("min(started_at)")) AS first_us FROM recon.runs").rows.first
        guard let micros = row?["first_us"] else { return nil }
        let started = try ListTime.instant(micros: micros, what: "first run")
        let day = BeijingTime.civilDate(of: started)
        let quarter = Quarter(containing: day)
        if let policies,
           let window = try? calendar.reconciliationWindow(quarter.previous, policy: try policies.policy(of: quarter.previous, on: results).reconciliationWindow,
                                                           openedBy: day),
           started < window.end {
            return quarter.previous
        }
        return quarter
    }

    // MARK: - Draft

    /// Whether the draft of `quarter` can be made at `now`.
    public enum Readiness: Sendable, Equatable {
        /// Every condition holds.
        case ready
        /// Not yet: the reason (results date not come, a list's deadline not passed).
        case waiting(String)
        /// Never: the quarter is before the system's first quarter.
        case never(String)
        /// Already drafted (or published).
        case done(String)
    }

    /// The conditions of the draft: the quarter is not before `firstQuarter`, its results date
    /// (第八条) has come, and every official list's deadline has passed.
    public func readiness(_ quarter: Quarter, at now: Date, firstQuarter: Quarter?) throws -> Readiness {
        // At `now`: once the notice is over it is 公示期已结束，待公布, not 公示中.
        if try ScoreStore.exists(quarter, on: results) { return .done("\(quarter) is \(try stage(quarter).label(at: now))") }
        guard let first = firstQuarter else {
            return .never("\(quarter): recon has no run yet, so it has no quarter to score")
        }
        if quarter < first {
            return .never("\(quarter) is before \(first), the first quarter recon saw (set first_quarter in recon.toml to change it): never scored")
        }
        let due = try calendar.resultsDueDate(quarter).value
        if now < BeijingTime.startOfDay(due) { return .waiting("\(quarter)'s results are due \(due) (第八条)") }
        let open = try results.execute("""
            SELECT id, province_code, \(ListTime.microsSQL("deadline")) AS deadline_us
            FROM recon.lists WHERE quarter = $1 AND official AND deadline > $2::timestamptz ORDER BY deadline, id
            """, [quarter.description, BeijingTimeFormat.sql(now)]).rows
        if let row = open.first {
            let deadline = try ListTime.instant(micros: try row.string("deadline_us"), what: "deadline")
            return .waiting("official list \(try row.string("id")) of \(try row.string("province_code")) is in rectification until \(BeijingTimeFormat.humanDeadline(end: deadline))")
        }
        return .ready
    }

    /// Makes version 1 of `quarter` (公示稿) from `compute` and puts it on notice, when `readiness`
    /// is `.ready`; otherwise throws the reason. The notice lasts until the quarter's notice end, or
    /// 5 working days from `now` for a late draft.
    public func draft(_ quarter: Quarter, at now: Date, firstQuarter: Quarter?, by who: String,
                      compute: () throws -> QuarterScores) throws -> ScoringVersion {
        try results.transaction { db in
            try lock(quarter, on: db)
            switch try readiness(quarter, at: now, firstQuarter: firstQuarter) {
            case .ready: break
            case let .waiting(reason), let .never(reason), let .done(reason): throw LifecycleError(reason)
            }
            let computed = try compute()
            let noticeEnds = try calendar.publicNoticeEnd(quarter, draftedOn: BeijingTime.civilDate(of: now))
            let scores = QuarterScores(quarter: computed.quarter, policy: computed.policy, calendarVersion: computed.calendarVersion,
                                       resultsDue: computed.resultsDue, noticeEnds: noticeEnds, provinces: computed.provinces)
            let stored = try ScoreStore.insertVersion(scores, kind: .draft, basedOn: nil, reason: nil, createdBy: who, at: now, on: db)
            return try ScoreStore.load(id: stored.id, on: db)
        }
    }

    // MARK: - Objections

    /// Records an objection of `province` on `indicator` of the version on notice (第十一条: 可在
    /// 公示期内提请核对修正). Refused outside the notice.
    public func raiseObjection(_ quarter: Quarter, province: String, indicator: Indicator, text: String,
                               by who: String, at now: Date) throws -> Objection {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw LifecycleError("an objection needs its text (异议内容)", code: "text-missing", chinese: "请填写异议内容。") }
        return try results.transaction { db in
            try lock(quarter, on: db)
            let current = try onNotice(quarter, at: now, on: db, doing: "raise an objection", chineseAction: "提出异议")
            // One open objection per indicator (the database's objections_one_open, migration 0011).
            let open = try db.execute("""
                SELECT id FROM recon.objections WHERE quarter = $1 AND province_code = $2 AND indicator = $3 AND status = 'open'
                """, [quarter.description, province, String(indicator.number)]).rows.first
            if let open {
                throw LifecycleError("objection \(try open.string("id")) on indicator \(indicator.number) of \(province) in \(quarter) is still open: decide it first",
                                     code: "objection-open",
                                     chinese: "指标\(indicator.number)已有一条异议等待部级处理，处理后才能再次提出。")
            }
            guard current.scores.provinces.contains(where: { $0.provinceCode == province }) else {
                throw LifecycleError("province \(province) has no scores in \(quarter)", code: "province-not-scored",
                                     chinese: "本省在 \(quarter) 没有评价结果，无法提出异议。")
            }
            let row = try db.execute("""
                INSERT INTO recon.objections (quarter, province_code, indicator, scoring_id, text, raised_at, raised_by)
                VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7) RETURNING id
                """, [quarter.description, province, String(indicator.number), String(current.id), trimmed,
                      BeijingTimeFormat.sql(now), who]).singleRow()
            return try Self.objection(id: try row.int("id"), on: db)
        }
    }

    /// Accepts objection `id` with a correction: the objected indicator of its province is scored
    /// again from the corrected counts (`numerator` of `denominator`) by the indicator's own rule,
    /// as a new version (核对修正稿) on notice; nothing earlier is changed. An objection raised in
    /// time can be decided until publication.
    public func accept(objection id: Int, numerator: Int, denominator: Int, reason: String, by who: String,
                       at now: Date) throws -> (objection: Objection, correction: ScoringVersion) {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw LifecycleError("accepting an objection needs the reason of the correction (--reason)", code: "reason-missing",
                                                   chinese: "请填写采纳理由。") }
        return try results.transaction { db in
            let objection = try Self.objection(id: id, on: db)
            try lock(objection.quarter, on: db)
            guard objection.status == .open else {
                throw LifecycleError("objection \(id) is already \(objection.status.label)", code: "already-decided",
                                     chinese: "异议 \(id) 已处理（\(objection.status.label)），不能再次处理。")
            }
            let current = try unpublished(objection.quarter, on: db, doing: "accept an objection", chineseAction: "采纳异议")
            let policy = current.scores.policy
            guard numerator >= 0, denominator > 0, numerator <= denominator else {
                throw LifecycleError("the correction \(numerator)/\(denominator) is not a rate between 0% and 100%", code: "bad-correction",
                                     chinese: "修正值 \(numerator)/\(denominator) 不是 0% 至 100% 之间的比率。")
            }
            let corrected: IndicatorResult
            do {
                let rate = try Rational(numerator, denominator)
                let score = try objection.indicator.score(forRate: rate)
                corrected = IndicatorResult(
                    indicator: objection.indicator, numerator: numerator, denominator: denominator, rate: rate, score: score,
                    reasonCode: .corrected,
                    reason: "\(objection.indicator.chineseName) \(RateFormat.percentWithFraction(numerator, of: denominator, for: objection.indicator))；\(ScoreReason.corrected.chineseText)：\(reason)（异议 \(id)）",
                    policy: policy.name)
            } catch {
                throw LifecycleError("the correction \(numerator)/\(denominator) is not a rate between 0% and 100%", code: "bad-correction",
                                     chinese: "修正值 \(numerator)/\(denominator) 不是 0% 至 100% 之间的比率。")
            }
            let provinces = Self.replacing(corrected, of: objection.provinceCode, in: current.scores.provinces)
            let scores = QuarterScores(quarter: current.scores.quarter, policy: policy, calendarVersion: current.scores.calendarVersion,
                                       resultsDue: current.scores.resultsDue, noticeEnds: current.scores.noticeEnds, provinces: provinces)
            let stored = try ScoreStore.insertVersion(scores, kind: .correction, basedOn: current.id,
                                                      reason: "异议 \(id)（\(objection.provinceCode) 指标\(objection.indicator.number)）：\(reason)",
                                                      createdBy: who, at: now, on: db)
            try db.execute("""
                UPDATE recon.objections SET status = 'accepted', decided_at = $2::timestamptz, decided_by = $3,
                    decision_reason = $4, correction_id = $5 WHERE id = $1
                """, [String(id), BeijingTimeFormat.sql(now), who, reason, String(stored.id)])
            return (try Self.objection(id: id, on: db), try ScoreStore.load(id: stored.id, on: db))
        }
    }

    /// Rejects objection `id` with a reason; the scores stay as they are.
    public func reject(objection id: Int, reason: String, by who: String, at now: Date) throws -> Objection {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw LifecycleError("rejecting an objection needs a reason (--reason)", code: "reason-missing",
                                                   chinese: "请填写不予采纳的理由。") }
        return try results.transaction { db in
            let objection = try Self.objection(id: id, on: db)
            try lock(objection.quarter, on: db)
            guard objection.status == .open else {
                throw LifecycleError("objection \(id) is already \(objection.status.label)", code: "already-decided",
                                     chinese: "异议 \(id) 已处理（\(objection.status.label)），不能再次处理。")
            }
            _ = try unpublished(objection.quarter, on: db, doing: "reject an objection", chineseAction: "不予采纳")
            try db.execute("""
                UPDATE recon.objections SET status = 'rejected', decided_at = $2::timestamptz, decided_by = $3, decision_reason = $4
                WHERE id = $1
                """, [String(id), BeijingTimeFormat.sql(now), who, reason])
            return try Self.objection(id: id, on: db)
        }
    }

    /// The objections of a quarter (or all), oldest first.
    public func objections(quarter: Quarter? = nil, province: String? = nil) throws -> [Objection] {
        try Self.objections(quarter: quarter, province: province, on: results)
    }

    /// The objections of a quarter (or all) on `db`, oldest first.
    public static func objections(quarter: Quarter?, province: String?, on db: Connection) throws -> [Objection] {
        try db.execute("""
            SELECT id FROM recon.objections
            WHERE ($1::text IS NULL OR quarter = $1) AND ($2::text IS NULL OR province_code = $2) ORDER BY id
            """, [quarter?.description, province]).rows.map { try objection(id: try $0.int("id"), on: db) }
    }

    // MARK: - Publication

    /// Publishes the version on notice once the notice is over (第十一条: 公示期结束后，交通运输部以适当
    /// 形式公布评价结果): frozen with its ranking. Refused during the notice, while an objection is
    /// undecided, or when already published.
    public func publish(_ quarter: Quarter, by who: String, at now: Date) throws -> Publication {
        try results.transaction { db in
            try lock(quarter, on: db)
            switch try stage(quarter, on: db) {
            case .notScored: throw LifecycleError("\(quarter) has no draft yet: nothing to publish")
            case let .published(publication, _):
                throw LifecycleError("\(quarter) was published \(BeijingTimeFormat.human(publication.publishedAt)); publishing again needs `recon score republish --quarter \(quarter) --reason …`")
            case let .onNotice(current, noticeEnds):
                guard now >= BeijingTime.endOfDay(noticeEnds) else {
                    throw LifecycleError("\(quarter) is on public notice until \(noticeEnds) 24:00 (第十一条: 公示期为5个工作日); it is published after that")
                }
                let open = try db.execute("SELECT id FROM recon.objections WHERE quarter = $1 AND status = 'open' ORDER BY id",
                                          [quarter.description]).rows.map { try $0.string("id") }
                guard open.isEmpty else {
                    throw LifecycleError("\(quarter) has undecided objection(s) \(open.joined(separator: ", ")): decide them (`recon objections accept|reject`) before publication")
                }
                return try Publication.insert(quarter: quarter, version: current, kind: .publication, reason: nil, by: who, at: now, on: db)
            }
        }
    }

    /// Publishes `quarter` again with a reason: `compute` scores it anew (a republication version,
    /// based on the published one) and the new publication supersedes the old, which is kept.
    public func republish(_ quarter: Quarter, reason: String, by who: String, at now: Date,
                          compute: () throws -> QuarterScores) throws -> Publication {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw LifecycleError("republishing needs a reason (--reason)") }
        return try results.transaction { db in
            try lock(quarter, on: db)
            guard case let .published(previous, current) = try stage(quarter, on: db) else {
                throw LifecycleError("\(quarter) is not published: republish applies only to published results")
            }
            let computed = try compute()
            // Accepted objections stay corrected (docs/rules.md, "Published results": 核对修正 is
            // final; a republication rescores the registries, not the decisions of the notice).
            var provinces = computed.provinces
            for (objection, corrected) in try Self.acceptedCorrections(quarter, on: db) {
                provinces = Self.replacing(corrected, of: objection.provinceCode, in: provinces)
            }
            let scores = QuarterScores(quarter: computed.quarter, policy: computed.policy, calendarVersion: computed.calendarVersion,
                                       resultsDue: computed.resultsDue, noticeEnds: current.scores.noticeEnds, provinces: provinces)
            let stored = try ScoreStore.insertVersion(scores, kind: .republication, basedOn: current.id, reason: reason,
                                                      createdBy: who, at: now, on: db)
            let version = try ScoreStore.load(id: stored.id, on: db)
            let publication = try Publication.insert(quarter: quarter, version: version, kind: .republication, reason: reason,
                                                     by: who, at: now, on: db, superseding: previous.id)
            return publication
        }
    }

    // MARK: - Helpers

    /// The accepted objections of `quarter` with the corrected result each stored in its
    /// correction version, oldest first (a later correction of the same province and indicator
    /// replaces an earlier one when applied in this order).
    public static func acceptedCorrections(_ quarter: Quarter, on db: Connection) throws -> [(Objection, IndicatorResult)] {
        try objections(quarter: quarter, province: nil, on: db).compactMap { objection in
            guard objection.status == .accepted, let correctionID = objection.correctionID else { return nil }
            let correction = try ScoreStore.load(id: correctionID, on: db)
            guard let province = correction.scores.provinces.first(where: { $0.provinceCode == objection.provinceCode }),
                  let result = province.results.first(where: { $0.indicator == objection.indicator }) else { return nil }
            return (objection, result)
        }
    }

    /// `provinces` with `result` in place of the same indicator's result of `province`.
    static func replacing(_ result: IndicatorResult, of province: String, in provinces: [ProvinceScores]) -> [ProvinceScores] {
        provinces.map { p -> ProvinceScores in
            guard p.provinceCode == province else { return p }
            var fixed = ProvinceScores(
                provinceCode: p.provinceCode, provinceName: p.provinceName,
                differenceRate: result.indicator == .differenceRate ? result : p.differenceRate,
                rectificationRate: result.indicator == .rectificationRate ? result : p.rectificationRate,
                aggregationRate: result.indicator == .aggregationRate ? result : p.aggregationRate,
                officialRunID: p.officialRunID, rectificationRunID: p.rectificationRunID, listID: p.listID)
            fixed.problems = p.problems
            return fixed
        }
    }

    func lock(_ quarter: Quarter, on db: Connection) throws {
        try db.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [Self.lockName(quarter)])
    }

    /// The newest version while the quarter is not published: an objection raised in time is
    /// decided even after the notice ended (publication waits for it).
    func unpublished(_ quarter: Quarter, on db: Connection, doing what: String, chineseAction action: String) throws -> ScoringVersion {
        switch try stage(quarter, on: db) {
        case .notScored:
            throw LifecycleError("cannot \(what): \(quarter) has no draft", code: "not-scored",
                                 chinese: "\(quarter) 尚无评价结果公示稿，无法\(action)。")
        case .published:
            throw LifecycleError("cannot \(what): \(quarter) is published", code: "published",
                                 chinese: "\(quarter) 的评价结果已公布，无法\(action)。")
        case let .onNotice(current, _): return current
        }
    }

    /// The version on notice at `now`, or the reason it is not.
    func onNotice(_ quarter: Quarter, at now: Date, on db: Connection, doing what: String, chineseAction action: String) throws -> ScoringVersion {
        switch try stage(quarter, on: db) {
        case .notScored:
            throw LifecycleError("cannot \(what): \(quarter) has no draft on public notice yet", code: "not-scored",
                                 chinese: "\(quarter) 的评价结果尚未公示，无法\(action)。")
        case .published:
            throw LifecycleError("cannot \(what): \(quarter) is published, the public notice is over (第十一条)", code: "published",
                                 chinese: "\(quarter) 的评价结果已公布，公示期已结束，无法\(action)（第十一条）。")
        case let .onNotice(current, noticeEnds):
            guard now < BeijingTime.endOfDay(noticeEnds) else {
                throw LifecycleError("cannot \(what): the public notice of \(quarter) ended \(noticeEnds) 24:00 (第十一条: 可在公示期内提请核对修正)",
                                     code: "notice-ended",
                                     chinese: "\(quarter) 的公示期已于 \(noticeEnds) 24:00 结束，无法\(action)（第十一条：可在公示期内提请核对修正）。")
            }
            return current
        }
    }

    static func objection(id: Int, on db: Connection) throws -> Objection {
        guard let row = try db.execute("""
            SELECT quarter, province_code, indicator, scoring_id, text, raised_by, status, decided_by, decision_reason, correction_id,
                   \(ListTime.microsSQL("raised_at")) AS raised_us, \(ListTime.microsSQL("decided_at")) AS decided_us
            FROM recon.objections WHERE id = $1
            """, [String(id)]).rows.first else {
            throw LifecycleError("objection \(id) does not exist", code: "objection-missing", chinese: "异议 \(id) 不存在。")
        }
        guard let status = Objection.Status(rawValue: try row.string("status")) else {
            throw LifecycleError("objection \(id): unknown status")
        }
        return Objection(id: id, quarter: try Quarter.parse(try row.string("quarter")), provinceCode: try row.string("province_code"),
                         indicator: try Indicator(number: try row.int("indicator")), scoringID: try row.int("scoring_id"),
                         text: try row.string("text"),
                         raisedAt: try ListTime.instant(micros: try row.string("raised_us"), what: "raised_at"),
                         raisedBy: try row.string("raised_by"), status: status,
                         decidedAt: try ListTime.optionalInstant(micros: row["decided_us"], what: "decided_at"),
                         decidedBy: row["decided_by"], decisionReason: row["decision_reason"],
                         correctionID: row["correction_id"].flatMap { Int($0) })
    }
}
