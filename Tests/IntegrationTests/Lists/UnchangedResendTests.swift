import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// Issue 25 case 6 through `recon due`: re-sending unchanged records refreshes 报送时间 but is no
/// 上传更新数据记录 — by default an upload counts when it changed the record or resolved the item;
/// `jtys-2022-1599-any-upload` keeps the earlier reading (docs/rules.md, "Tracking").
@Suite("Indicator 11 credits updates, not re-sends", .serialized)
struct UnchangedResendTests {
    static func t(_ text: String) throws -> Date { try BeijingTime.parseTimestamp(text) }

    @Test func resendingUnchangedRecordsIsNotRectification() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 300)
        _ = try fixture.due(at: try Self.t("2026-07-01T09:00:00+08:00"))
        let results = try fixture.results.connect()
        let items = try results.execute("""
            SELECT i.key_values->>'plate_number' AS plate, i.key_values->>'plate_colour' AS colour, i.fields::text AS fields
            FROM recon.list_items i JOIN recon.lists l ON l.id = i.list_id
            WHERE l.official AND i.record_set = 'vehicles' AND i.category = 'field_mismatch' ORDER BY i.item_no
            """).rows
        try #require(items.count >= 2)
        let ministry = try fixture.ministry.connect()
        // Day 2: every one re-sent unchanged (only 报送时间 moves).
        for item in items {
            _ = try ministry.execute("""
                UPDATE vehicles SET submitted_at = '2026-07-02 10:00+08' WHERE province_code = '410000' AND plate_number = $1 AND plate_colour = $2
                """, [item["plate"], item["colour"]])
        }
        _ = try fixture.due(at: try Self.t("2026-07-02T18:00:00+08:00"))
        // Day 3: the first half fixed (the differing fields set to the province's values).
        let fixed = items.count / 2
        for item in items.prefix(fixed) {
            let fields = try JSONSerialization.jsonObject(with: Data(try item.string("fields").utf8)) as? [[String: Any]] ?? []
            var values: [String?] = [item["plate"], item["colour"]]
            var assignments = ["submitted_at = '2026-07-03 10:00+08'"]
            for field in fields {
                guard let column = field["column"] as? String else { continue }
                values.append(field["province"] as? String)
                assignments.append("\(try ministry.quoteIdentifier(column)) = $\(values.count)")
            }
            _ = try ministry.execute("""
                UPDATE vehicles SET \(assignments.joined(separator: ", ")) WHERE province_code = '410000' AND plate_number = $1 AND plate_colour = $2
                """, values)
        }
        _ = try fixture.due(at: try Self.t("2026-07-06T09:00:00+08:00"))
        let drafted = try fixture.due(at: try Self.t("2026-10-20T09:00:00+08:00"))
        #expect(drafted.first { $0.step == "score" }?.status == .done, "\(drafted)")
        let lifecycle = QuarterLifecycle(results: results, calendar: .builtIn)
        let q3 = try Quarter.parse("2026Q3")
        guard case let .onNotice(draft, _) = try lifecycle.stage(q3) else { Issue.record("not drafted"); return }
        let henan = try #require(draft.scores.provinces.first).rectificationRate
        #expect(henan.numerator == fixed, "only the fixed ones count: \(henan)")
        #expect(henan.reason.contains("已一致") && henan.reason.contains("仍不一致"), "\(henan.reason)")
        // The earlier reading: every re-send counts.
        let anyUpload = try QuarterScoring.compute(config: fixture.config, results: results, quarter: q3,
                                                   policyName: "jtys-2022-1599-any-upload", environment: [:])
        #expect(anyUpload.provinces.first?.rectificationRate.numerator == items.count)
    }
}
