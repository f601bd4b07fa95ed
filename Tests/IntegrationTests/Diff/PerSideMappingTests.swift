import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

/// A ministry table whose column names differ from the province's and whose deleted flag is a
/// `char(1)` gives the same differences as the reference schema for the same data (issue 14).
@Suite("Per-side column names and deleted flags of any type", .serialized)
struct PerSideMappingTests {
    /// A config whose last table is the vehicles `[[record_set]]` (lines follow it).
    static let vehiclesConfig = """
        [results]
        dsn = "x"
        [ministry]
        dsn = "x"
        [[province]]
        code = "410000"
        name = "河南省"
        dsn = "x"
        [[record_set]]
        name = "vehicles"

        """
    static func differences(_ fixture: DueFixture, _ recordSets: [RecordSetSpec]) throws -> (RunOutcome, [[String?]]) {
        var options = ReconcileOptions()
        options.progress = false
        let sources = try ReconcileSources(config: fixture.config, provinceCode: "410000", environment: [:])
        let outcome = try Reconciler(sources: sources, provinceCode: "410000", provinceName: "河南省", recordSets: recordSets,
                                     options: options).run()
        let rows = try fixture.results.connect().execute("""
            SELECT record_set, key_text, category, ministry_count::text, province_count::text, fields::text
            FROM recon.differences WHERE run_id = $1 ORDER BY record_set, seq
            """, [String(outcome.runID)]).rows.map { row in (0..<6).map { row[$0] } }
        return (outcome, rows)
    }

    @Test func renamedMinistryColumnsAndACharFlagGiveTheSameDifferences() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 600)
        let reference = [RecordSetSpec.vehicles]
        let (before, expected) = try Self.differences(fixture, reference)
        #expect(before.totals.differingKeys > 0)

        let ministry = try fixture.ministry.connect()
        try ministry.executeSimple("""
            ALTER TABLE vehicles RENAME COLUMN plate_number TO hphm;
            ALTER TABLE vehicles RENAME COLUMN plate_colour TO hpys;
            ALTER TABLE vehicles RENAME COLUMN vin TO clsbdh;
            ALTER TABLE vehicles ALTER COLUMN deleted DROP DEFAULT;
            ALTER TABLE vehicles ALTER COLUMN deleted TYPE char(1) USING (CASE WHEN deleted THEN '1' ELSE '0' END);
            """)
        let fields = RecordSetSpec.vehicles.fields.map { field in
            field.column == "vin" ? "{ column = \"vin\", ministry_column = \"clsbdh\" }" : "\"\(field.column)\""
        }.joined(separator: ", ")
        let text = Self.vehiclesConfig + """
            key = [{ column = "plate_number", ministry_column = "hphm" }, { column = "plate_colour", ministry_column = "hpys" }]
            fields = [\(fields)]
            ministry_deleted_values = ["1"]
            """
        let config = try ConfigLoader.parse(text, fileName: "recon.toml")
        let mapped = try config.recordSet("vehicles")
        #expect(mapped.key.map { $0.columnName(ministry: true) } == ["hphm", "hpys"])
        #expect(mapped.key.map(\.normalisers) == RecordSetSpec.vehicles.key.map(\.normalisers))
        let (after, actual) = try Self.differences(fixture, [mapped])
        #expect(after.totals == before.totals)
        #expect(actual == expected)

        // The reference spec no longer reads this ministry table: refused before a run starts moving data.
        #expect(throws: (any Error).self) { _ = try Self.differences(fixture, reference) }

        // Tracking reads the ministry through the same mapping.
        let results = try fixture.results.connect()
        let list = try ListIssuer(connection: results).issue(runID: after.runID).list
        let tracker = Tracker(results: results, ministry: ministry, recordSets: [mapped]) { _ in try fixture.provinces["410000"]!.connect() }
        let report = try tracker.track(province: "410000", listID: list.id)
        #expect(report.lists.count == 1)
    }

    /// A ministry table that shares no column name with the province's — every key part, field,
    /// the province code, the submitted-at and the deleted flag (a `char(1)`) renamed, the table
    /// moved to its own schema — reconciles to the same differences, and `recon check` passes it.
    @Test func aMinistrySchemaSharingNoColumnNameGivesTheSameDifferences() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 400)
        let (before, expected) = try Self.differences(fixture, [RecordSetSpec.vehicles])
        let ministry = try fixture.ministry.connect()
        let spec = RecordSetSpec.vehicles
        var statements = ["CREATE SCHEMA jg", "ALTER TABLE vehicles SET SCHEMA jg", "ALTER TABLE jg.vehicles RENAME TO cl_jbxx"]
        for column in spec.allColumns.map(\.column) {
            statements.append("ALTER TABLE jg.cl_jbxx RENAME COLUMN \(column) TO m_\(column)")
        }
        statements += ["ALTER TABLE jg.cl_jbxx RENAME COLUMN province_code TO sfdm",
                       "ALTER TABLE jg.cl_jbxx RENAME COLUMN submitted_at TO bssj",
                       "ALTER TABLE jg.cl_jbxx ALTER COLUMN deleted DROP DEFAULT",
                       "ALTER TABLE jg.cl_jbxx ALTER COLUMN deleted TYPE char(1) USING (CASE WHEN deleted THEN '1' ELSE '0' END)",
                       "ALTER TABLE jg.cl_jbxx RENAME COLUMN deleted TO scbz"]
        try ministry.executeSimple(statements.joined(separator: ";\n"))
        func inline(_ field: FieldSpec) -> String {
            "{ column = \"\(field.column)\", ministry_column = \"m_\(field.column)\", normalise = [\(field.normalisers.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))] }"
        }
        let text = Self.vehiclesConfig + """
            ministry_table = "jg.cl_jbxx"
            key = [\(spec.key.map(inline).joined(separator: ", "))]
            fields = [\(spec.fields.map(inline).joined(separator: ", "))]
            ministry_province_column = "sfdm"
            ministry_submitted_column = "bssj"
            ministry_deleted_column = "scbz"
            ministry_deleted_values = ["1"]
            """
        let mapped = try ConfigLoader.parse(text, fileName: "recon.toml").recordSet("vehicles")
        let ministryNames = Set(mapped.allColumns.map { $0.columnName(ministry: true) } + ["sfdm", "bssj", "scbz"])
        #expect(ministryNames.isDisjoint(with: Set(mapped.allColumns.map(\.column))))
        let (after, actual) = try Self.differences(fixture, [mapped])
        #expect(after.totals == before.totals)
        #expect(actual == expected)
        var config = fixture.config
        config.recordSets = [mapped]
        let report = Preflight(config: config, environment: [:], businessRecords: false).run()
        #expect(report.isOK, "\(report.rendered())")
    }

    /// A province filter (`province_exclude`) gives what deleting those rows would give.
    @Test func aProvinceFilterComparesAsIfTheRowsWereNotThere() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 600)
        let province = try fixture.provinces["410000"]!.connect()
        let status = try province.execute("""
            SELECT operating_status_code AS s FROM vehicles WHERE operating_status_code IS NOT NULL
            GROUP BY 1 ORDER BY count(*) LIMIT 1
            """).singleRow().string("s")
        let text = Self.vehiclesConfig + """
            province_exclude = { column = "operating_status_code", values = ["\(status)"] }
            """
        let filtered = try ConfigLoader.parse(text, fileName: "recon.toml").recordSet("vehicles")
        #expect(filtered.provinceFilter == RowFilter(column: "operating_status_code", values: [status], mode: .exclude))
        let (withFilter, filteredRows) = try Self.differences(fixture, [filtered])
        let removed = try province.execute("DELETE FROM vehicles WHERE operating_status_code = $1", [status]).affectedRows
        #expect(removed > 0)
        let (withoutRows, plainRows) = try Self.differences(fixture, [RecordSetSpec.vehicles])
        #expect(withFilter.totals == withoutRows.totals)
        #expect(filteredRows == plainRows)
        // Both ways in one table is refused with the place.
        let both = text + "\nprovince_include = { column = \"x\", values = [\"1\"] }\n"
        let error = try #require(throws: (any Error).self) { try ConfigLoader.parse(both, fileName: "recon.toml") }
        #expect("\(error)".contains("not both"), "\(error)")
    }

    @Test func theDeletedFlagConditionsQuoteTheirValues() {
        var spec = RecordSetSpec.vehicles
        #expect(DeletedFlagSQL.live(spec) == "NOT (\"deleted\" IS TRUE)")
        spec.ministryDeletedColumn = "scbz"
        spec.ministryDeletedValues = ["1", "x'y"]
        #expect(DeletedFlagSQL.deleted(spec, alias: "m") == "coalesce((m.\"scbz\")::text IN (E'1', E'x\\'y'), false)")
        spec.ministryDeletedColumn = ""
        #expect(DeletedFlagSQL.live(spec) == "NOT false")
        #expect(DeletedFlagSQL.passes(RowFilter(column: "zt", values: ["注销"], mode: .exclude), alias: "p")
                == "NOT coalesce((p.\"zt\")::text IN (E'注销'), false)")
        #expect(DeletedFlagSQL.passes(RowFilter(column: "zt", values: ["1"], mode: .include)) == "coalesce((\"zt\")::text IN (E'1'), false)")
        #expect(DeletedFlagSQL.passes(nil) == "true")
    }
}

/// Issue 17: one byte that is not UTF-8 in a province registry kept in SQL_ASCII names its record
/// set, side, table, key and column, and leaves a failed run with that message.
@Suite("Bytes that are not UTF-8 in a registry", .serialized)
struct RegistryBadBytesTests {
    @Test func aBadByteInAnSQLASCIIRegistryIsNamed() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 200)
        let province = try TestDatabase("sqlascii", options: "ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
        let connection = try province.connect()
        try connection.executeSimple(try #require(ReferenceSQL.file("province.sql")))
        // One operator the ministry also holds (an ASCII key), its name holding the byte 0xFF.
        let ministry = try fixture.ministry.connect()
        let licence = try ministry.execute("""
            SELECT licence_no FROM operators WHERE province_code = '410000' AND NOT deleted AND licence_no ~ '^[0-9]+$'
            ORDER BY licence_no LIMIT 1
            """).singleRow().string("licence_no")
        try connection.execute("INSERT INTO operators (licence_no, name) VALUES ($1, E'\\xe9\\x83\\x91\\xff')", [licence])
        fixture.config.provinces[0].source = DatabaseSource(dsn: province.dsn, origin: "test sql_ascii")
        var options = ReconcileOptions()
        options.progress = false
        let sources = try ReconcileSources(config: fixture.config, provinceCode: "410000", environment: [:])
        let failure = try #require(throws: RunFailure.self) {
            try Reconciler(sources: sources, provinceCode: "410000", provinceName: "河南省", recordSets: [RecordSetSpec.operators],
                           options: options).run()
        }
        let message = failure.description
        #expect(message.contains("record set operators") && message.contains("province (省) table operators"), "\(message)")
        #expect(message.contains(licence) && message.contains("column name") && message.contains("e9 83 91 ff"), "\(message)")
        let stored = try fixture.results.connect().execute("SELECT status, error FROM recon.runs ORDER BY id DESC LIMIT 1").singleRow()
        #expect(try stored.string("status") == "failed")
        #expect(try stored.string("error").contains("column name"))
    }
}
