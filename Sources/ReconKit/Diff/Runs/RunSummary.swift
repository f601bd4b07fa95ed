import Foundation
import PostgresClient
import ReconRules

/// One run as listed by `recon runs`.
public struct RunSummary: Sendable, Hashable {
    /// `recon.runs.id`.
    public var id: Int64
    /// The province's code.
    public var provinceCode: String
    /// The province's 中文名.
    public var provinceName: String
    /// `running`, `completed` or `failed`.
    public var status: String
    /// Start, Beijing time, `YYYY-MM-DD hh:mm:ss`.
    public var startedAt: String
    /// End, Beijing time; nil while running.
    public var finishedAt: String?
    /// The record sets reconciled.
    public var recordSets: [String]
    /// Union keys over all sets (completed runs).
    public var unionKeys: Int?
    /// Differing keys over all sets (completed runs).
    public var differingKeys: Int?
    /// Why it failed.
    public var error: String?

    /// 对账差异率 of a completed run.
    public var rate: DiffRate? {
        guard let unionKeys, let differingKeys else { return nil }
        return DiffRate(differing: differingKeys, union: unionKeys)
    }
}

/// Reading runs back from the results database (`recon runs`, `recon diff show`).
public enum RunQueries {
    static let summaryColumns = """
        r.id, r.province_code, coalesce(p.name, '') AS province_name, r.status,
        to_char(r.started_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') AS started,
        to_char(r.finished_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') AS finished,
        to_json(r.record_sets)::text AS sets, r.union_keys, r.differing_keys, r.error
        FROM recon.runs r LEFT JOIN recon.provinces p ON p.code = r.province_code
        """

    /// The latest runs, newest first; optionally of one province.
    public static func list(_ connection: Connection, provinceCode: String? = nil, limit: Int = 50) throws -> [RunSummary] {
        let rows = try connection.execute("""
            SELECT \(summaryColumns)
            WHERE $1::text IS NULL OR r.province_code = $1
            ORDER BY r.id DESC LIMIT $2
            """, [provinceCode, String(limit)]).rows
        return try rows.map(summary)
    }

    /// One run; an error naming the id when there is none.
    public static func run(_ connection: Connection, id: Int64) throws -> RunSummary {
        let rows = try connection.execute("SELECT \(summaryColumns) WHERE r.id = $1", [String(id)]).rows
        guard let row = rows.first else { throw RunQueryError("there is no run \(id) in the results database") }
        return try summary(row)
    }

    static func summary(_ row: Row) throws -> RunSummary {
        let sets = try JSONDecoder().decode([String].self, from: Data(try row.string("sets").utf8))
        return RunSummary(id: Int64(try row.int("id")), provinceCode: try row.string("province_code"),
                          provinceName: try row.string("province_name"), status: try row.string("status"),
                          startedAt: try row.string("started"), finishedAt: row["finished"], recordSets: sets,
                          unionKeys: try row.optionalInt("union_keys"), differingKeys: try row.optionalInt("differing_keys"),
                          error: row["error"])
    }
}

/// A run or difference asked for does not exist.
public struct RunQueryError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The message.
    public let description: String
    /// An error with a message.
    public init(_ description: String) { self.description = description }
}
