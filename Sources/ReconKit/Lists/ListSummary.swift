import Foundation
import PostgresClient
import ReconRules

/// The counts of a list per record set and category, for the summary sheet (汇总).
public struct ListSummary: Sendable, Hashable {
    /// The categories in the order they are shown (the diff's precedence, most basic first).
    public static let categoryOrder = ["ministry_only", "province_only", "field_mismatch", "duplicate_key", "empty_key"]

    /// Item counts by record set, then category.
    public var counts: [String: [String: Int]]

    /// Progress of the list's items (tracking's results; all zero before tracking has run).
    public var progress = Progress()

    /// The record sets of the list's run whose 疑似同一记录 pairing was skipped (too many one-sided
    /// differences), shown on the 汇总 sheet.
    public var pairingSkipped: [SuspectPairingSkip] = []

    /// How far a list's items have come (汇总: 整改进度): each item in exactly one of the states
    /// the portal's progress bar shows (``ItemProgressState``), so the two never disagree.
    public struct Progress: Sendable, Hashable {
        /// Items neither re-uploaded nor consistent (待整改: in time or overdue, by the deadline).
        public var open = 0
        /// Items re-uploaded (or cancelled) before the deadline, still differing.
        public var onTime = 0
        /// Items re-uploaded (or cancelled) at or after the deadline, still differing.
        public var late = 0
        /// Items whose ministry record now matches the province's (已一致).
        public var consistent = 0
        /// Pairs of suspected same records (疑似同一记录) among the items.
        public var suspectPairs = 0
        /// A progress.
        public init() {}

        /// Items still to rectify (not consistent).
        public var outstanding: Int { open + onTime + late }

        /// The states at `now` for a list due at `deadline` (what the portal shows).
        public func states(deadline: Date, now: Date) -> ListStateCounts {
            ListStateCounts(counts: [now < deadline ? .pending : .overdue: open, .onTime: onTime, .late: late, .consistent: consistent])
        }
    }

    /// A summary of `counts`.
    public init(counts: [String: [String: Int]]) { self.counts = counts }

    /// Items of a record set (all categories).
    public func total(recordSet: String) -> Int { counts[recordSet]?.values.reduce(0, +) ?? 0 }

    /// Items of a category (all record sets).
    public func total(category: String) -> Int { counts.values.reduce(0) { $0 + ($1[category] ?? 0) } }

    /// All items.
    public var total: Int { counts.values.reduce(0) { $0 + $1.values.reduce(0, +) } }

    /// Reads the counts of list `listID`.
    /// `condition` (SQL over `recon.list_items i`, from ``ListItemFilter``) counts a selection only.
    public static func read(listID: Int64, condition: String? = nil, on connection: Connection) throws -> ListSummary {
        var counts: [String: [String: Int]] = [:]
        for row in try connection.execute("""
            SELECT record_set, category, count(*) AS n FROM recon.list_items i WHERE list_id = $1 AND (\(condition ?? "true")) GROUP BY 1, 2
            """, [String(listID)]).rows {
            counts[try row.string("record_set"), default: [:]][try row.string("category")] = try row.int("n")
        }
        var summary = ListSummary(counts: counts)
        if let row = try connection.execute("""
            SELECT \(ListStateCounts.countColumns),
                   count(*) FILTER (WHERE suspect_item_no IS NOT NULL) / 2 AS suspect_pairs
            FROM recon.list_items WHERE list_id = $1
            """, [String(listID)]).rows.first {
            summary.progress.open = try row.int("open")
            summary.progress.onTime = try row.int("on_time")
            summary.progress.late = try row.int("late")
            summary.progress.consistent = try row.int("consistent")
            summary.progress.suspectPairs = try row.int("suspect_pairs")
        }
        if let run = try connection.execute("SELECT run_id FROM recon.lists WHERE id = $1", [String(listID)]).rows.first {
            summary.pairingSkipped = try SuspectPairingSkip.read(runID: Int64(try run.int("run_id")), on: connection)
        }
        return summary
    }
}

/// 整改说明: how a province answers a list, shown on the summary sheet.
public enum ListGuidance {
    /// The lines, in order.
    public static let lines: [String] = [
        "1. 每个差异关键字为一条整改条目（一个序号）；核心字段不一致的条目，每个不一致字段占一行，序号相同。",
        "2. 部有省无：核实后在省级运政系统补录并重新上传至部级运政系统，或向部级运政系统上传注销（删除）。",
        "3. 省有部无：将该记录上传至部级运政系统。",
        "4. 核心字段不一致：在省级运政系统核实更正后，重新上传该记录。",
        "5. 关键字段重复：保留一条正确记录重新上传，其余重复记录上传注销。",
        "6. 关键字段为空：补全关键字段后重新上传；无法补全的上传注销。",
        "7. 请在整改截止时间前完成上传：以部级运政系统的报送时间为准（北京时间），截止时间为下发后第5个工作日24:00。",
        "8. 整改状态与复核结果由部级系统跟踪更新；复核结果“已一致”表示部级记录与省级记录经规范化后一致。",
        "9. 部有省无、省有部无、关键字段重复、关键字段为空的条目，“记录内容”列出该记录的核心字段，便于在省级系统中查找；关键字段重复的，每条重复记录一行。",
        "10. “疑似同一记录”：一条部有省无与一条省有部无的关键字段仅一处不同（如车牌颜色）或相差一个字符、核心字段基本一致，可能是同一记录的关键字段录入有误；两条相邻排列，请核实后更正关键字段。提示不改变差异计数。",
    ]
}
