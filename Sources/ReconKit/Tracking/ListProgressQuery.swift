import Foundation
import PostgresClient
import ReconRules

/// Computes `ListProgress` rows from the results database.
public struct ListProgressQuery {
    let connection: Connection

    /// A query over a migrated results database.
    public init(connection: Connection) { self.connection = connection }

    /// The progress of every list (of one province and/or quarter), by province, quarter and list.
    /// - Parameter now: the time of the question (working days left).
    public func rows(province: String? = nil, quarter: Quarter? = nil, now: Date = Date()) throws -> [ListProgress] {
        try rowsAndStates(try ListStore(connection: connection).lists(province: province, quarter: quarter), now: now).rows
    }

    /// The progress of `lists` (in their order) and their items split into the five states
    /// (``ListStateCounts``, a list without items absent) at `now` — from one read of their tallies
    /// (`recon.list_item_tallies`), not of every item. `calendar`: the stored calendar when
    /// the caller has already read it (else it is read here).
    public func rowsAndStates(_ lists: [RectificationList], now: Date = Date(), calendar: WorkdayCalendar? = nil) throws
        -> (rows: [ListProgress], states: [Int64: ListStateCounts]) {
        guard !lists.isEmpty else { return ([], [:]) }
        var counts: [Int64: [String: Int]] = [:]
        let columns = ["items", "on_time", "late", "outstanding", "resolved", "open", "open_on_time", "open_late", "consistent"]
        // recon.list_item_tallies (migration 0018): the items of each list per (resolved, re-uploaded,
        // on_time: 0 NULL, 1 true, 2 false), kept by triggers on recon.list_items — a few rows per list
        // instead of every item. The same counts as over recon.list_items (ListProgressTallyTests).
        for row in try connection.execute("""
            SELECT list_id,
                   sum(items) AS items,
                   coalesce(sum(items) FILTER (WHERE reuploaded AND on_time = 1), 0) AS on_time,
                   coalesce(sum(items) FILTER (WHERE reuploaded AND on_time <> 1), 0) AS late,
                   coalesce(sum(items) FILTER (WHERE NOT reuploaded), 0) AS outstanding,
                   coalesce(sum(items) FILTER (WHERE resolved), 0) AS resolved,
                   -- ListStateCounts.countColumns, the states of the items not yet consistent:
                   coalesce(sum(items) FILTER (WHERE NOT resolved AND NOT reuploaded), 0) AS open,
                   coalesce(sum(items) FILTER (WHERE NOT resolved AND reuploaded AND on_time = 1), 0) AS open_on_time,
                   coalesce(sum(items) FILTER (WHERE NOT resolved AND reuploaded AND on_time <> 1), 0) AS open_late,
                   coalesce(sum(items) FILTER (WHERE resolved), 0) AS consistent
            FROM recon.list_item_tallies
            WHERE list_id = ANY($1::bigint[])
            GROUP BY list_id HAVING sum(items) > 0
            """, ["{" + lists.map { String($0.id) }.joined(separator: ",") + "}"]).rows {
            let id = try row.string("list_id")
            guard let listID = Int64(id) else { throw ListError.malformed(what: "list id", value: id) }
            counts[listID] = try Dictionary(uniqueKeysWithValues: columns.map { ($0, try row.int($0)) })
        }
        let calendar = try calendar ?? CalendarStore(connection: connection).calendar()
        var states: [Int64: ListStateCounts] = [:]
        let rows = lists.map { list in
            let count = counts[list.id] ?? [:]
            if !count.isEmpty {
                states[list.id] = ListStateCounts(counts: [
                    now < list.deadline ? .pending : .overdue: count["open"] ?? 0, .onTime: count["open_on_time"] ?? 0,
                    .late: count["open_late"] ?? 0, .consistent: count["consistent"] ?? 0,
                ])
            }
            return ListProgress(
                provinceCode: list.provinceCode, provinceName: list.provinceName, quarter: list.quarter,
                listID: list.id, official: list.official, issuedAt: list.issuedAt, deadline: list.deadline,
                items: count["items"] ?? 0, onTime: count["on_time"] ?? 0, late: count["late"] ?? 0,
                outstanding: count["outstanding"] ?? 0, resolved: count["resolved"] ?? 0,
                workingDaysLeft: Self.workingDaysLeft(list, calendar: calendar, now: now))
        }
        return (rows, states)
    }

    /// The working days of the list's rectification period not yet over at `now`: the working days
    /// after the issue day through the deadline's day that end after `now` (day 1…5 count while they
    /// last; the issue day never counts). Nil when the calendar cannot tell.
    static func workingDaysLeft(_ list: RectificationList, calendar: WorkdayCalendar, now: Date) -> Int? {
        guard now < list.deadline else { return 0 }
        let lastDay = BeijingTime.civilDate(of: BeijingTime.instant(
            microsecondsSince1970: BeijingTime.microsecondsSince1970(list.deadline) - 1))
        let firstDay = max(BeijingTime.civilDate(of: list.issuedAt).next, BeijingTime.civilDate(of: now))
        let assumed = calendar.assumingOrdinaryWeekends(list.assumedWeekends)
        return try? assumed.workingDays(from: firstDay, through: lastDay).value.count
    }
}
