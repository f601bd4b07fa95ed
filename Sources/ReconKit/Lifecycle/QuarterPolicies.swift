import Foundation
import PostgresClient
import ReconRules

/// Which scoring policy serves each quarter (docs/rules.md, "Which policy serves a quarter"; issue
/// 25 case 13): the policy stored with the quarter in `recon.quarter_policies`, else the configured
/// one. The stored policy decides the quarter's windows (which runs are its official runs, when
/// `recon due` reconciles it), and its scores.
///
/// A quarter's policy is fixed — from the configured one — when `recon due` first plans its window,
/// when a run becomes its official run (in the transaction that marks it) and when it is drafted.
/// Once the quarter has an official run or a score the database keeps it (trigger
/// `quarter_policies_kept`, migration 0016): a deployment upgraded mid-year, or whose `policy` is
/// changed, never re-attributes a quarter already run.
public struct QuarterPolicies: Sendable {
    /// The configured policy (`policy` in recon.toml), for quarters not fixed yet.
    public let configured: ScoringPolicy

    /// Policies over the configured one.
    public init(configured: ScoringPolicy) { self.configured = configured }

    /// A quarter's stored policy: its name, when and by what it was fixed.
    public struct Stored: Sendable, Equatable {
        /// The policy's name.
        public let name: String
        /// When it was fixed.
        public let fixedAt: Date
        /// What fixed it (`recon due 2026-10-09`, `official run 12`, `migration 0016 …`).
        public let fixedBy: String
    }

    /// The policy stored with `quarter`, if any (nil too on a database migrated before 0016).
    public static func stored(_ quarter: Quarter, on db: Connection) throws -> Stored? {
        guard try db.execute("SELECT to_regclass('recon.quarter_policies') IS NOT NULL AS ok").singleRow().bool("ok"),
              let row = try db.execute("""
                  SELECT policy, \(ListTime.microsSQL("fixed_at")) AS fixed_us, fixed_by FROM recon.quarter_policies WHERE quarter = $1
                  """, [quarter.description]).rows.first else { return nil }
        return Stored(name: try row.string("policy"), fixedAt: try ListTime.instant(micros: try row.string("fixed_us"), what: "fixed_at"),
                      fixedBy: try row.string("fixed_by"))
    }

    /// The policy serving `quarter`: the stored one, else the configured one. A stored name this
    /// recon does not know is an error naming the quarter (never silently replaced).
    public func policy(of quarter: Quarter, on db: Connection) throws -> ScoringPolicy {
        guard let stored = try Self.stored(quarter, on: db) else { return configured }
        return try Self.named(stored.name, quarter: quarter)
    }

    /// The stored policies of `quarters` (those fixed), for a plan.
    public static func storedPolicies(_ quarters: [Quarter], on db: Connection) throws -> [Quarter: ScoringPolicy] {
        var policies: [Quarter: ScoringPolicy] = [:]
        for quarter in quarters {
            if let stored = try stored(quarter, on: db) { policies[quarter] = try named(stored.name, quarter: quarter) }
        }
        return policies
    }

    /// Fixes `quarter`'s policy to the configured one unless it is fixed already (idempotent; the
    /// first writer wins), and returns the policy that serves it.
    @discardableResult
    public func fix(_ quarter: Quarter, by who: String, at instant: Date, on db: Connection) throws -> ScoringPolicy {
        try db.execute("""
            INSERT INTO recon.quarter_policies (quarter, policy, fixed_at, fixed_by) VALUES ($1, $2, $3::timestamptz, $4)
            ON CONFLICT (quarter) DO NOTHING
            """, [quarter.description, configured.name, BeijingTimeFormat.sql(instant), who])
        return try policy(of: quarter, on: db)
    }

    static func named(_ name: String, quarter: Quarter) throws -> ScoringPolicy {
        do { return try ScoringPolicy.named(name) } catch {
            throw LifecycleError("\(quarter) is served by policy '\(name)' (recon.quarter_policies), which this recon does not know: \(error)",
                                 code: "unknown-quarter-policy")
        }
    }
}
