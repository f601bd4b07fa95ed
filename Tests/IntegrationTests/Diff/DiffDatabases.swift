import PostgresClient
import ReconTestSupport
@testable import ReconKit
@testable import ReconRules
@testable import ReconSample

/// A ministry, a province and a results database on the throwaway server, with the reference
/// tables (sql/reference) and the results schema (migrations).
final class DiffDatabases {
    let ministry: TestDatabase
    let province: TestDatabase
    let results: TestDatabase

    /// Creates the three databases; `provinceOptions` are extra `CREATE DATABASE` options (collation).
    init(_ label: String, provinceOptions: String = "", ministryOptions: String = "") throws {
        ministry = try TestDatabase("\(label)_m", options: ministryOptions)
        province = try TestDatabase("\(label)_p", options: provinceOptions)
        results = try TestDatabase("\(label)_r")
        try ministry.connect().executeSimple(ReferenceSQL.file("ministry.sql")!)
        try province.connect().executeSimple(ReferenceSQL.file("province.sql")!)
        try Migrator(connection: try results.connect()).apply()
    }

    /// The sources of a reconciliation against these databases.
    var sources: ReconcileSources {
        ReconcileSources(results: results.dsn, ministry: ministry.dsn, province: province.dsn)
    }

    /// Quiet options with small batches (to cross many batch boundaries).
    static var options: ReconcileOptions {
        var options = ReconcileOptions()
        options.progress = false
        options.batchBytes = 4096
        options.batchRows = 16
        options.batchesPerSide = 2
        return options
    }

    /// Loads rows into a table: `columns` and one `[String?]` per row.
    static func load(_ database: TestDatabase, table: String, columns: [String], rows: [[String?]]) throws {
        guard !rows.isEmpty else { return }
        let connection = try database.connect()
        let list = columns.map(SQLText.identifier).joined(separator: ", ")
        try connection.copyIn("COPY \(try SQLText.qualifiedTable(table)) (\(list)) FROM STDIN") { writer in
            for row in rows { try writer.writeRow(row) }
        }
    }

    /// Ministry rows of a province, live, submitted now: appends province_code, submitted_at.
    func loadMinistry(_ table: String, columns: [String], rows: [[String?]], provinceCode: String = "410000") throws {
        try Self.load(ministry, table: table, columns: columns + ["province_code", "submitted_at"],
                      rows: rows.map { $0 + [provinceCode, "2025-01-02 10:00:00+08"] })
    }

    /// Province rows.
    func loadProvince(_ table: String, columns: [String], rows: [[String?]]) throws {
        try Self.load(province, table: table, columns: columns, rows: rows)
    }

    /// The stored differences of a run and set: (key_text, category, ministry_count, province_count, fields json).
    func storedDifferences(runID: Int64, recordSet: String) throws -> [(String, String, Int, Int, String)] {
        try results.connect().execute("""
            SELECT key_text, category, ministry_count, province_count, fields::text AS fields
            FROM recon.differences WHERE run_id = $1 AND record_set = $2 ORDER BY seq
            """, [String(runID), recordSet]).rows.map {
            (try $0.string("key_text"), try $0.string("category"), try $0.int("ministry_count"),
             try $0.int("province_count"), try $0.string("fields"))
        }
    }

    /// A run's status and error.
    func runStatus(_ runID: Int64) throws -> (String, String?) {
        let row = try results.connect().execute("SELECT status, error FROM recon.runs WHERE id = $1", [String(runID)]).singleRow()
        return (try row.string("status"), row["error"])
    }

    /// Rows in recon.differences and recon.run_sets for a run.
    func storedCounts(_ runID: Int64) throws -> (differences: Int, runSets: Int) {
        let row = try results.connect().execute("""
            SELECT (SELECT count(*) FROM recon.differences WHERE run_id = $1) AS d,
                   (SELECT count(*) FROM recon.run_sets WHERE run_id = $1) AS s
            """, [String(runID)]).singleRow()
        return (try row.int("d"), try row.int("s"))
    }
}
