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
        let text = """
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

    @Test func theDeletedFlagConditionsQuoteTheirValues() {
        var spec = RecordSetSpec.vehicles
        #expect(DeletedFlagSQL.live(spec) == "NOT (\"deleted\" IS TRUE)")
        spec.ministryDeletedColumn = "scbz"
        spec.ministryDeletedValues = ["1", "x'y"]
        #expect(DeletedFlagSQL.deleted(spec, alias: "m") == "coalesce((m.\"scbz\")::text IN (E'1', E'x\\'y'), false)")
        spec.ministryDeletedColumn = ""
        #expect(DeletedFlagSQL.live(spec) == "NOT false")
    }
}
