import Foundation
import PostgresClient
import ReconRules

/// A province's official reconciliation of a quarter: the run the database marked official when it
/// completed, the first run that completed inside the quarter's window (docs/rules.md, "Official
/// run": "A quarter's official reconciliation is the first run for that province that completed
/// inside the window; runs at other times are self-checks"). 10/11: 未在每季度第一周完成数据对账的
/// 省份，得0分。 At most one per province, quarter and window (unique index `runs_one_official`).
public struct OfficialRun: Sendable, Equatable {
    /// The run's id.
    public let runID: Int
    /// Distinct keys on either side, all record sets (the rate's denominator).
    public let unionKeys: Int
    /// Keys with any difference (the rate's numerator).
    public let differingKeys: Int
    /// When it completed.
    public let finishedAt: Date
    /// Its quarter.
    public let quarter: Quarter
    /// Its window.
    public let kind: OfficialWindowKind

    /// Indicator 10's counts under `counting`: (differing records, all records). Keys as stored;
    /// per record, each 关键字段重复 difference adds its extra rows and each 关键字段为空 group
    /// every row but one (docs/rules.md, "Indicator 10 对账差异率"; `RecordCounting`).
    public func records(_ counting: RecordCounting, on connection: Connection) throws -> (differing: Int, total: Int) {
        guard counting == .eachRecord else { return (differingKeys, unionKeys) }
        var extra = 0
        for row in try connection.execute("""
            SELECT category, ministry_count, province_count, count(*) AS n FROM recon.differences
            WHERE run_id = $1 AND category IN ('duplicate_key', 'empty_key') GROUP BY 1, 2, 3
            """, [String(runID)]).rows {
            guard let category = DiffCategory(rawValue: try row.string("category")) else { continue }
            let records = counting.records(category: category, ministryRows: try row.int("ministry_count"),
                                           provinceRows: try row.int("province_count"))
            extra += (records - 1) * (try row.int("n"))
        }
        return (differingKeys + extra, unionKeys + extra)
    }

    /// The official run of `province` for `quarter` and `kind`, or `nil` when none completed inside
    /// the window.
    public static func find(province: String, quarter: Quarter, kind: OfficialWindowKind = .reconciliation,
                            on connection: Connection) throws -> OfficialRun? {
        try select("WHERE province_code = $1 AND official_quarter = $2 AND official_window = $3",
                   [province, quarter.description, kind.rawValue], on: connection).first
    }

    /// Every official run of `quarter`, by province code.
    public static func all(quarter: Quarter, on connection: Connection) throws -> [OfficialRun] {
        try select("WHERE official_quarter = $1", [quarter.description], on: connection)
    }

    private static func select(_ condition: String, _ parameters: [String?], on connection: Connection) throws -> [OfficialRun] {
        try connection.execute("""
            SELECT id, union_keys, differing_keys, official_quarter, official_window,
                   (extract(epoch FROM finished_at) * 1000000)::bigint AS finished_us
            FROM recon.runs \(condition)
            ORDER BY province_code, official_window, id
            """, parameters).rows.map { row in
            guard let quarter = try? Quarter.parse(try row.string("official_quarter")),
                  let kind = OfficialWindowKind(rawValue: try row.string("official_window")) else {
                throw ScoringRunError("run \(try row.string("id")): unreadable official quarter or window")
            }
            return OfficialRun(runID: try row.int("id"), unionKeys: try row.int("union_keys"),
                               differingKeys: try row.int("differing_keys"),
                               finishedAt: BeijingTime.instant(microsecondsSince1970: Int64(try row.int("finished_us"))),
                               quarter: quarter, kind: kind)
        }
    }
}
