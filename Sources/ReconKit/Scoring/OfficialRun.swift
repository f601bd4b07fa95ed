import Foundation
import PostgresClient
import ReconRules

/// A province's official reconciliation of a quarter: the first run that completed inside the
/// quarter's window. indicators.md *The window*: "A quarter's official reconciliation is the first
/// run for that province that completed inside the window; runs at other times are self-checks."
/// 10/11: 未在每季度第一周完成数据对账的省份，得0分。
public struct OfficialRun: Sendable, Equatable {
    /// The run's id.
    public let runID: Int
    /// Distinct keys on either side, all record sets (the rate's denominator).
    public let unionKeys: Int
    /// Keys with any difference (the rate's numerator).
    public let differingKeys: Int
    /// When it completed.
    public let finishedAt: Date

    /// The official run of `province` for `window`, or `nil` when none completed inside it. Only a
    /// run covering every configured record set (`recordSets`) counts: a `--set vehicles` run is a
    /// partial self-check.
    public static func find(province: String, window: ReconciliationWindow, recordSets: [String],
                            on connection: Connection) throws -> OfficialRun? {
        let rows = try connection.execute("""
            SELECT id, union_keys, differing_keys,
                   (extract(epoch FROM finished_at) * 1000000)::bigint AS finished_us
            FROM recon.runs
            WHERE province_code = $1 AND status = 'completed'
              AND finished_at >= to_timestamp($2::double precision / 1000000)
              AND finished_at <  to_timestamp($3::double precision / 1000000)
              AND record_sets @> $4::text[]
            ORDER BY finished_at, id
            LIMIT 1
            """, [province, String(BeijingTime.microsecondsSince1970(window.start)),
                  String(BeijingTime.microsecondsSince1970(window.end)), PostgresArray.text(recordSets)]).rows
        guard let row = rows.first else { return nil }
        return OfficialRun(runID: try row.int("id"), unionKeys: try row.int("union_keys"),
                           differingKeys: try row.int("differing_keys"),
                           finishedAt: BeijingTime.instant(microsecondsSince1970: Int64(try row.int("finished_us"))))
    }
}
