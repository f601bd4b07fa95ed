import Foundation
import PostgresClient
import ReconRules

/// A list's items split into the five `ItemProgressState`s at a given time: the portal's
/// progress bar (in time, overdue, re-uploaded on time, late, consistent).
public struct ListStateCounts: Sendable, Hashable {
    /// Items per state (absent: 0).
    public var counts: [ItemProgressState: Int]

    /// Counts.
    public init(counts: [ItemProgressState: Int] = [:]) { self.counts = counts }

    /// Items in `state`.
    public subscript(_ state: ItemProgressState) -> Int { counts[state] ?? 0 }

    /// All items.
    public var items: Int { counts.values.reduce(0, +) }

    /// The counts that decide the states, as an SQL select list over `recon.list_items`: `open`
    /// (neither re-uploaded nor consistent: pending or overdue by the deadline), `on_time`, `late`,
    /// `consistent` — each item in exactly one. The summary sheet counts with it too
    /// (``ListSummary/Progress``).
    static let countColumns = """
        count(*) FILTER (WHERE NOT resolved AND reuploaded_at IS NULL) AS open, \
        count(*) FILTER (WHERE NOT resolved AND reuploaded_at IS NOT NULL AND on_time IS TRUE) AS on_time, \
        count(*) FILTER (WHERE NOT resolved AND reuploaded_at IS NOT NULL AND on_time IS NOT TRUE) AS late, \
        count(*) FILTER (WHERE resolved) AS consistent
        """

    /// The counts of `lists` at `now`, by list id (a list without items is absent).
    public static func read(_ lists: [RectificationList], now: Date, on connection: Connection) throws -> [Int64: ListStateCounts] {
        guard !lists.isEmpty else { return [:] }
        let deadlines = Dictionary(uniqueKeysWithValues: lists.map { ($0.id, $0.deadline) })
        var result: [Int64: ListStateCounts] = [:]
        for row in try connection.execute("""
            SELECT list_id, \(countColumns)
            FROM recon.list_items WHERE list_id = ANY($1::bigint[]) GROUP BY list_id
            """, ["{" + lists.map { String($0.id) }.joined(separator: ",") + "}"]).rows {
            let text = try row.string("list_id")
            guard let id = Int64(text), let deadline = deadlines[id] else { throw ListError.malformed(what: "list id", value: text) }
            let open = try row.int("open")
            let openState: ItemProgressState = now < deadline ? .pending : .overdue
            result[id] = ListStateCounts(counts: [
                openState: open, .onTime: try row.int("on_time"), .late: try row.int("late"), .consistent: try row.int("consistent"),
            ])
        }
        return result
    }
}
