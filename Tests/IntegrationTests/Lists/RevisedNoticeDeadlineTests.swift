import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// Issue 25 case 5: a revised holiday notice imported while a list is open moves its deadline
/// (and says so); a re-upload on the new last day is on time.
@Suite("A revised notice moves open lists' deadlines", .serialized)
struct RevisedNoticeDeadlineTests {
    static func t(_ text: String) throws -> Date { try BeijingTime.parseTimestamp(text) }

    @Test func aNewHolidayMovesTheDeadlineOfAnOpenList() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 200)
        _ = try fixture.due(at: try Self.t("2026-07-01T09:00:00+08:00"))
        let results = try fixture.results.connect()
        let list = try results.execute("SELECT id, deadline = '2026-07-09 00:00+08' AS before FROM recon.lists WHERE official").singleRow()
        #expect(try list.bool("before"), "issued 07-01: days 07-02, 03, 06, 07, 08")

        // The 2026 notice revised: Wednesday 2026-07-08 becomes a day off.
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        let builtIn = try String(contentsOf: root.appendingPathComponent("data/calendar/cn-workdays-2019-2026.tsv"), encoding: .utf8)
        let lines = builtIn.split(separator: "\n").filter { $0.hasPrefix("2026-") } + ["2026-07-08\tholiday\t临时调整（测试）"]
        let folder = try ReconCLI.temporaryFolder("revised-notice")
        try (lines.sorted().joined(separator: "\n") + "\n").write(toFile: folder + "/2026.tsv", atomically: true, encoding: .utf8)
        let imported = try ReconCLI.run(["calendar", "import", folder + "/2026.tsv", "--db", fixture.results.dsn])
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stdout.contains("list \(try list.string("id"))") && imported.stdout.contains("2026-07-09"), "\(imported)")
        #expect(try results.execute("SELECT deadline = '2026-07-10 00:00+08' AS moved FROM recon.lists WHERE official").singleRow().bool("moved"))

        // A fix uploaded on the new last day (07-09) is on time.
        let item = try results.execute("""
            SELECT key_values->>'plate_number' AS plate, key_values->>'plate_colour' AS colour, fields::text AS fields
            FROM recon.list_items WHERE record_set = 'vehicles' AND category = 'field_mismatch' ORDER BY item_no LIMIT 1
            """).singleRow()
        let fields = try JSONSerialization.jsonObject(with: Data(try item.string("fields").utf8)) as? [[String: Any]] ?? []
        let ministry = try fixture.ministry.connect()
        var values: [String?] = [item["plate"], item["colour"]]
        var assignments = ["submitted_at = '2026-07-09 15:00+08'"]
        for field in fields {
            guard let column = field["column"] as? String else { continue }
            values.append(field["province"] as? String)
            assignments.append("\(try ministry.quoteIdentifier(column)) = $\(values.count)")
        }
        _ = try ministry.execute("""
            UPDATE vehicles SET \(assignments.joined(separator: ", ")) WHERE province_code = '410000' AND plate_number = $1 AND plate_colour = $2
            """, values)
        _ = try fixture.due(at: try Self.t("2026-07-10T09:00:00+08:00"))
        let tracked = try results.execute("""
            SELECT on_time, updated_on_time FROM recon.list_items WHERE key_values->>'plate_number' = $1 AND key_values->>'plate_colour' = $2
            """, [item["plate"], item["colour"]]).singleRow()
        #expect(tracked["on_time"] == "t" && tracked["updated_on_time"] == "t", "\(tracked)")
    }
}
