import Foundation
import PostgresClient
import ReconRules

/// The ministry's extension of a quarter's reconciliation window (docs/rules.md, "The window
/// (每季度第一周)"; issue 25 case 9): recorded with its reason when the ministry's own system was
/// down in the window, so that provinces are not scored 0 on 10 and 11 for the ministry's outage.
/// A run completing after the window and before 24:00 of `until` can then be official; the
/// bulletin names the extension. One per quarter, kept for good (`recon.window_extensions`).
public struct WindowExtension: Sendable, Equatable {
    /// The quarter.
    public let quarter: Quarter
    /// The extended window's last day (to 24:00 Beijing).
    public let until: CivilDate
    /// Why.
    public let reason: String
    /// Who recorded it.
    public let createdBy: String

    /// 中文, for the bulletin and logs.
    public var chinese: String { "\(quarter) 对账窗口经部级延长至 \(until) 24:00（理由：\(reason)）" }

    /// The extension of `quarter`, if any.
    public static func find(_ quarter: Quarter, on db: Connection) throws -> WindowExtension? {
        guard try db.execute("SELECT to_regclass('recon.window_extensions') IS NOT NULL AS ok").singleRow().bool("ok"),
              let row = try db.execute("SELECT until_day::text AS until, reason, created_by FROM recon.window_extensions WHERE quarter = $1",
                                       [quarter.description]).rows.first else { return nil }
        return WindowExtension(quarter: quarter, until: try CivilDate.parse(try row.string("until")), reason: try row.string("reason"),
                               createdBy: try row.string("created_by"))
    }

    /// Records the extension of `quarter` to `until` with `reason`: refused without a reason, when
    /// `until` does not lie after the window's last day and no later than `extensionLimit`, when the
    /// quarter already has one, or once the quarter is scored.
    public static func record(_ quarter: Quarter, until: CivilDate, reason: String, by who: String, at now: Date,
                              calendar: WorkdayCalendar, policy: ScoringPolicy, on results: Connection) throws -> WindowExtension {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw LifecycleError("a window extension needs its reason (--reason)", code: "reason-missing") }
        // The quarter's own policy decides its window (docs/rules.md, "Which policy serves a quarter").
        let window = try calendar.reconciliationWindow(quarter, policy: try QuarterPolicies(configured: policy).policy(of: quarter, on: results)
            .reconciliationWindow)
        let limit = try extensionLimit(quarter, window: window, calendar: calendar)
        guard until > window.lastDay, until <= limit else {
            throw LifecycleError("--until \(until) must lie after \(quarter)'s window (\(window.firstDay) – \(window.lastDay)) and no later than \(limit)",
                                 code: "bad-extension")
        }
        return try results.transaction { db in
            try db.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [QuarterLifecycle.lockName(quarter)])
            if try ScoreStore.exists(quarter, on: db) {
                throw LifecycleError("\(quarter) is already scored: its window can no longer be extended", code: "scored")
            }
            if let existing = try find(quarter, on: db) {
                throw LifecycleError("\(quarter)'s window is already extended: \(existing.chinese)", code: "already-extended")
            }
            try db.execute("""
                INSERT INTO recon.window_extensions (quarter, until_day, reason, created_by, created_at)
                VALUES ($1, $2::date, $3, $4, $5::timestamptz)
                """, [quarter.description, until.description, reason, who, BeijingTimeFormat.sql(now)])
            return WindowExtension(quarter: quarter, until: until, reason: reason, createdBy: who)
        }
    }

    /// The last day an extension of `quarter`'s window may reach: within the quarter the window
    /// opens in, and before the quarter's results day (第八条) — 2026-09-30 for a window in July
    /// 2026 (the earlier attribution), 2026-10-19 for 2026Q3's window in October 2026.
    static func extensionLimit(_ quarter: Quarter, window: ReconciliationWindow, calendar: WorkdayCalendar) throws -> CivilDate {
        let beforeResults = try calendar.resultsDueDate(quarter).value.adding(days: -1)
        return min(Quarter(containing: window.firstDay).lastDay, beforeResults)
    }

    /// Whether a run finishing at `instant` is inside the extension: from the window's start to
    /// 24:00 of `until`.
    func contains(_ instant: Date, window: ReconciliationWindow) -> Bool {
        instant >= window.start && instant < BeijingTime.endOfDay(until)
    }
}
