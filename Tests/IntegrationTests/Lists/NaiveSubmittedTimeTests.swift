import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// Issue 25 case 2: a 报送时间 column without a time zone holds Beijing wall-clock times, read so
/// both when compared with the issue and the deadline and when stored; a `date` column is refused
/// by the preflight (docs/rules.md, "Beijing time and submission time (注1)").
@Suite("A 报送时间 column without a time zone", .serialized)
struct NaiveSubmittedTimeTests {
    static func t(_ text: String) throws -> Date { try BeijingTime.parseTimestamp(text) }

    @Test func aNaiveColumnIsBeijingTimeInComparisonAndStorage() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 200)
        let ministry = try fixture.ministry.connect()
        try ministry.executeSimple("""
            ALTER TABLE vehicles ALTER COLUMN submitted_at TYPE timestamp without time zone
                USING (submitted_at AT TIME ZONE 'Asia/Shanghai')
            """)
        let window = try fixture.due(at: try Self.t("2026-07-01T09:00:00+08:00"))
        #expect(window.allSatisfy { $0.status != .failed }, "\(window.map(\.description))")
        let results = try fixture.results.connect()
        let list = try results.execute("""
            SELECT id, \(BeijingSQL.text("deadline")) AS deadline FROM recon.lists WHERE official AND province_code = '410000'
            """).singleRow()
        // Issued 2026-07-01 → days 07-02, 03, 06, 07, 08 → on time before 2026-07-09 00:00 Beijing.
        #expect(try list.string("deadline").hasPrefix("2026-07-09 00:00:00"), "\(list)")
        let items = try results.execute("""
            SELECT key_values->>'plate_number' AS plate, key_values->>'plate_colour' AS colour FROM recon.list_items
            WHERE list_id = $1 AND record_set = 'vehicles' AND category = 'field_mismatch' ORDER BY item_no LIMIT 2
            """, [try list.string("id")]).rows
        try #require(items.count == 2)
        // Beijing wall-clock values: 20:00 of the deadline day (on time) and 00:30 the day after (late).
        for (item, value) in zip(items, ["2026-07-08 20:00:00", "2026-07-09 00:30:00"]) {
            let touched = try ministry.execute("""
                UPDATE vehicles SET submitted_at = $3::timestamp WHERE province_code = '410000' AND plate_number = $1 AND plate_colour = $2
                """, [item["plate"], item["colour"], value]).affectedRows
            #expect(touched == 1)
        }
        _ = try fixture.due(at: try Self.t("2026-07-09T09:00:00+08:00"))
        for (item, expected) in zip(items, [("2026-07-08 20:00:00", true), ("2026-07-09 00:30:00", false)]) {
            let row = try results.execute("""
                SELECT \(BeijingSQL.text("reuploaded_at")) AS at, on_time FROM recon.list_items
                WHERE list_id = $1 AND key_values->>'plate_number' = $2 AND key_values->>'plate_colour' = $3
                """, [try list.string("id"), item["plate"], item["colour"]]).singleRow()
            #expect(try row.string("at").hasPrefix(expected.0), "stored as Beijing time: \(row)")
            #expect(try row.bool("on_time") == expected.1, "\(row)")
        }
    }

    @Test func aDateColumnIsRefusedByTheChecks() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 60)
        try fixture.ministry.connect().executeSimple("ALTER TABLE vehicles ALTER COLUMN submitted_at TYPE date")
        let config = try fixture.writeConfig()
        let check = try ReconCLI.run(["check", "--config", config])
        #expect(check.status == 78, "\(check)")
        #expect(check.output.contains("is a date"), "\(check)")
        let due = try ReconCLI.run(["due", "--now", "2026-07-01T09:00:00+08:00", "--config", config])
        #expect(due.status == 78, "\(due)")
        #expect(try fixture.results.connect().execute("SELECT count(*) AS n FROM recon.runs").singleRow().int("n") == 0)
    }
}

/// A timestamptz column as Beijing text `YYYY-MM-DD HH:MM:SS…` (whatever the session's zone).
enum BeijingSQL {
    static func text(_ column: String) -> String { "to_char(\(column) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS')" }
}
