import Foundation
import PostgresClient
import ReconRules

/// One record set's counts within a stored run.
public struct RunSetSummary: Sendable, Hashable {
    /// The record set's name.
    public var recordSet: String
    /// Its 中文名.
    public var label: String
    /// Its counts.
    public var counts: DiffCounts
    /// Seconds it took, as stored (`12.345`).
    public var seconds: String?
}

/// One stored difference.
public struct StoredDifference: Sendable, Hashable {
    /// Position in key order within the set.
    public var seq: Int
    /// The normalised key, columns joined by ` / `.
    public var keyText: String
    /// The category.
    public var category: DiffCategory
    /// Rows with the key at the ministry.
    public var ministryCount: Int
    /// Rows with the key at the province.
    public var provinceCount: Int
    /// The unequal fields (field mismatches), raw values.
    public var fields: [FieldDifference]
}

/// What `recon diff show RUN` prints: the run, its per-set counts and its first differences.
public struct RunReport: Sendable, Hashable {
    /// The run.
    public var run: RunSummary
    /// Counts per record set, in stored order.
    public var sets: [RunSetSummary]
    /// The first differences of each set (by record set name), in key order.
    public var differences: [String: [StoredDifference]]
    /// The sets whose 疑似同一记录 pairing was skipped (too many one-sided differences).
    public var pairingSkipped: [SuspectPairingSkip] = []

    /// Reads run `id` with up to `limit` differences per record set (optionally of one category).
    public static func read(_ connection: Connection, runID id: Int64, limit: Int = 20,
                            category: DiffCategory? = nil) throws -> RunReport {
        let run = try RunQueries.run(connection, id: id)
        let setRows = try connection.execute("""
            SELECT record_set, label, ministry_rows, province_rows, union_keys, differing_keys, ministry_only,
                   province_only, field_mismatch, duplicate_key, empty_key, seconds::text AS seconds
            FROM recon.run_sets WHERE run_id = $1
            ORDER BY array_position((SELECT record_sets FROM recon.runs WHERE id = $1), record_set), record_set
            """, [String(id)]).rows
        var sets: [RunSetSummary] = []
        var differences: [String: [StoredDifference]] = [:]
        for row in setRows {
            var counts = DiffCounts()
            counts.ministryRows = try row.int("ministry_rows")
            counts.provinceRows = try row.int("province_rows")
            counts.unionKeys = try row.int("union_keys")
            counts.differingKeys = try row.int("differing_keys")
            for category in DiffCategory.allCases { counts[category] = try row.int(category.rawValue) }
            let name = try row.string("record_set")
            sets.append(RunSetSummary(recordSet: name, label: try row.string("label"), counts: counts, seconds: row["seconds"]))
            let found = try connection.execute("""
                SELECT seq, key_text, category, ministry_count, province_count, fields::text AS fields
                FROM recon.differences WHERE run_id = $1 AND record_set = $2 AND ($3::text IS NULL OR category = $3)
                ORDER BY seq LIMIT $4
                """, [String(id), name, category?.rawValue, String(limit)]).rows
            differences[name] = try found.map { row in
                let category = try row.string("category")
                guard let parsed = DiffCategory(rawValue: category) else {
                    throw RunQueryError("run \(id): unknown category \(category)")
                }
                return StoredDifference(
                    seq: try row.int("seq"), keyText: try row.string("key_text"), category: parsed,
                    ministryCount: try row.int("ministry_count"), provinceCount: try row.int("province_count"),
                    fields: try JSONDecoder().decode([FieldDifference].self, from: Data(try row.string("fields").utf8)))
            }
        }
        return RunReport(run: run, sets: sets, differences: differences,
                         pairingSkipped: try SuspectPairingSkip.read(runID: id, on: connection))
    }
}
