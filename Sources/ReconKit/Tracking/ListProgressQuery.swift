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
        let lists = try ListStore(connection: connection).lists(province: province, quarter: quarter)
        guard !lists.isEmpty else { return [] }
        var counts: [Int64: [String: Int]] = [:]
        for row in try connection.execute("""
            SELECT i.list_id,
                   count(*) AS items,
                   count(*) FILTER (WHERE i.reuploaded_at IS NOT NULL AND i.on_time) AS on_time,
                   count(*) FILTER (WHERE i.reuploaded_at IS NOT NULL AND i.on_time IS NOT TRUE) AS late,
                   count(*) FILTER (WHERE i.reuploaded_at IS NULL) AS outstanding,
                   count(*) FILTER (WHERE i.resolved) AS resolved
            FROM recon.list_items i
            WHERE i.list_id = ANY($1::bigint[])
            GROUP BY i.list_id
            """, ["{" + lists.map { String($0.id) }.joined(separator: ",") + "}"]).rows {
            let id = try row.string("list_id")
            guard let listID = Int64(id) else { throw ListError.malformed(what: "list id", value: id) }
            counts[listID] = try Dictionary(uniqueKeysWithValues: ["items", "on_time", "late", "outstanding", "resolved"]
                .map { ($0, try row.int($0)) })
        }
        let calendar = try CalendarStore(connection: connection).calendar()
        return lists.map { list in
            let count = counts[list.id] ?? [:]
            return ListProgress(
                provinceCode: list.provinceCode, provinceName: list.provinceName, quarter: list.quarter,
                listID: list.id, official: list.official, issuedAt: list.issuedAt, deadline: list.deadline,
                items: count["items"] ?? 0, onTime: count["on_time"] ?? 0, late: count["late"] ?? 0,
                outstanding: count["outstanding"] ?? 0, resolved: count["resolved"] ?? 0,
                workingDaysLeft: Self.workingDaysLeft(list, calendar: calendar, now: now))
        }
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
