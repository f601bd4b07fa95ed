import Foundation
import PostgresClient
import ReconRules

/// How a completing run becomes its quarter's official run (docs/rules.md, "Official run"): in the
/// transaction that marks it completed, under a transaction-level advisory lock of the province and
/// quarter, so that the check and the mark commit together on the connection that commits. The
/// unique index `runs_one_official` makes a second official run impossible even without the lock.
public struct OfficialMarking: Sendable {
    /// The calendar of the windows.
    public let calendar: WorkdayCalendar
    /// The configured policy: the windows of a quarter whose policy is not fixed yet (a quarter's
    /// stored policy decides its own windows — docs/rules.md, "Which policy serves a quarter").
    public let policy: ScoringPolicy
    /// The record sets a run must cover to be official (a `--set` run is a self-check).
    public let requiredRecordSets: [String]
    /// `recon due`: a run that finds another run already official rolls back with
    /// ``AlreadyOfficial`` instead of completing as a second run inside the window.
    public var onlyIfFirst: Bool
    /// Test hook: called with the province inside the committing transaction, just before the check.
    public var beforeCheck: (@Sendable (String) -> Void)?

    /// A marking.
    public init(calendar: WorkdayCalendar, policy: ScoringPolicy, requiredRecordSets: [String], onlyIfFirst: Bool = false,
                beforeCheck: (@Sendable (String) -> Void)? = nil) {
        self.calendar = calendar
        self.policy = policy
        self.requiredRecordSets = requiredRecordSets
        self.onlyIfFirst = onlyIfFirst
        self.beforeCheck = beforeCheck
    }

    /// The advisory lock of a province's official run of a quarter.
    public static func lockName(province: String, quarter: Quarter) -> String { "recon.official.\(province).\(quarter)" }

    /// What the mark decided for a run.
    public enum Decision: Sendable, Hashable {
        /// The run is the official run of `quarter` for `kind`.
        case official(quarter: Quarter, kind: OfficialWindowKind)
        /// A self-check (自查), with the reason (outside every window, partial record sets, or
        /// another run is already official).
        case selfCheck(reason: String)
    }

    /// Decides and records, inside the committing transaction `db`, whether run `runID` of
    /// `province` finishing at `finishedAt` is official. Throws ``AlreadyOfficial`` when
    /// `onlyIfFirst` and another run is official for the same window.
    package func mark(runID: Int64, province: String, recordSets: [String], finishedAt: Date, on db: Connection) throws -> Decision {
        beforeCheck?(province)
        guard Set(requiredRecordSets).isSubset(of: Set(recordSets)) else {
            return .selfCheck(reason: "covers only \(recordSets.joined(separator: ", ")) (an official run covers \(requiredRecordSets.joined(separator: ", ")))")
        }
        var found: (quarter: Quarter, kind: OfficialWindowKind)?
        let policies = QuarterPolicies(configured: policy)
        let finishedOn = BeijingTime.civilDate(of: finishedAt)
        do {
            // The window serving a quarter is in the month after it by default, in the quarter
            // itself under the earlier attribution: each candidate quarter by its own policy.
            found = try ScoringPolicy.officialWindow(containing: finishedAt, calendar: calendar) { try policies.policy(of: $0, on: db) }
            // The ministry's recorded extension of the reconciliation window (WindowExtension).
            if found == nil {
                for quarter in ScoringPolicy.candidateQuarters(of: finishedOn) {
                    guard let extended = try WindowExtension.find(quarter, on: db),
                          let window = try calendar.reconciliationWindow(quarter, policy: try policies.policy(of: quarter, on: db).reconciliationWindow,
                                                                         openedBy: finishedOn),
                          extended.contains(finishedAt, window: window) else { continue }
                    found = (quarter, .reconciliation)
                    break
                }
            }
        } catch {
            return .selfCheck(reason: "its window cannot be computed: \(error)")
        }
        guard let (quarter, kind) = found else {
            let candidates = ScoringPolicy.candidateQuarters(of: finishedOn).map(\.description).joined(separator: ", ")
            return .selfCheck(reason: "finished \(BeijingTimeFormat.human(finishedAt)), outside the official windows of \(candidates)")
        }
        try db.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [Self.lockName(province: province, quarter: quarter)])
        let existing = try db.execute("""
            SELECT id FROM recon.runs WHERE province_code = $1 AND official_quarter = $2 AND official_window = $3
            """, [province, quarter.description, kind.rawValue]).rows
        if let row = existing.first {
            let other = try row.int("id")
            if onlyIfFirst { throw AlreadyOfficial(runID: other, quarter: quarter, kind: kind) }
            return .selfCheck(reason: "run \(other) is already the official run of \(quarter) (\(kind.label))")
        }
        // The quarter keeps the policy its first official run was made under (migration 0016).
        let decided = try policies.policy(of: quarter, on: db)
        let fixed = try policies.fix(quarter, by: "official run \(runID)", at: finishedAt, on: db)
        guard fixed == decided else {
            return .selfCheck(reason: "\(quarter)'s policy was fixed as \(fixed.name) while this run was judged under \(decided.name)")
        }
        try db.execute("UPDATE recon.runs SET official_quarter = $2, official_window = $3 WHERE id = $1",
                       [String(runID), quarter.description, kind.rawValue])
        return .official(quarter: quarter, kind: kind)
    }
}

/// Another run became the official run first (a second copy of `recon due` racing to commit): the
/// run's results were rolled back; nothing of it counts.
public struct AlreadyOfficial: Error, Sendable, CustomStringConvertible {
    /// The official run.
    public let runID: Int
    /// Its quarter.
    public let quarter: Quarter
    /// Its window.
    public let kind: OfficialWindowKind

    public var description: String { "run \(runID) is already the official run of \(quarter) (\(kind.label))" }
}
