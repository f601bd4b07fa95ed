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
    /// (``ListStateCounts``, a list without items absent) at `now` — from one aggregate over their
    /// items, so that a page showing both reads each item once. `calendar`: the stored calendar when
    /// the caller has already read it (else it is read here).
    public func rowsAndStates(_ lists: [RectificationList], now: Date = Date(), calendar: WorkdayCalendar? = nil) throws
        -> (rows: [ListProgress], states: [Int64: ListStateCounts]) {
        guard !lists.isEmpty else { return ([], [:]) }
        var counts: [Int64: [String: Int]] = [:]
        let columns = ["items", "on_time", "late", "outstanding", "resolved", "open", "open_on_time", "open_late", "consistent"]
        for row in try connection.execute("""
            SELECT i.list_id,
                   count(*) AS items,
                   count(*) FILTER (WHERE i.reuploaded_at IS NOT NULL AND i.on_time) AS on_time,
                   count(*) FILTER (WHERE i.reuploaded_at IS NOT NULL AND i.on_time IS NOT TRUE) AS late,
                   count(*) FILTER (WHERE i.reuploaded_at IS NULL) AS outstanding,
                   count(*) FILTER (WHERE i.resolved) AS resolved,
                   -- ListStateCounts.countColumns, the states of the items not yet consistent:
                   count(*) FILTER (WHERE NOT i.resolved AND i.reuploaded_at IS NULL) AS open,
                   count(*) FILTER (WHERE NOT i.resolved AND i.reuploaded_at IS NOT NULL AND i.on_time IS TRUE) AS open_on_time,
                   count(*) FILTER (WHERE NOT i.resolved AND i.reuploaded_at IS NOT NULL AND i.on_time IS NOT TRUE) AS open_late,
                   count(*) FILTER (WHERE i.resolved) AS consistent
            FROM recon.list_items i
            WHERE i.list_id = ANY($1::bigint[])
            GROUP BY i.list_id
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
