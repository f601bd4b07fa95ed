import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// Issue 25 case 3: a re-upload the ministry stores as cancel + insert (the old row flagged
/// deleted, a new live row) is credited for a 核心字段不一致 item whatever the order of the two
/// rows' 报送时间 (docs/rules.md, "Tracking: re-uploads, deletions, resolved items").
@Suite("A re-upload sent as cancel + insert", .serialized)
struct CancelInsertReuploadTests {
    static func t(_ text: String) throws -> Date { try BeijingTime.parseTimestamp(text) }

    @Test func cancelAndInsertIsCreditedInEitherOrder() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 200)
        _ = try fixture.due(at: try Self.t("2026-07-01T09:00:00+08:00"))
        let results = try fixture.results.connect()
        let list = try results.execute("SELECT id FROM recon.lists WHERE official AND province_code = '410000'").singleRow().string("id")
        let items = try results.execute("""
            SELECT key_values->>'plate_number' AS plate, key_values->>'plate_colour' AS colour FROM recon.list_items
            WHERE list_id = $1 AND record_set = 'vehicles' AND category = 'field_mismatch' ORDER BY item_no LIMIT 2
            """, [list]).rows
        try #require(items.count == 2)
        let ministry = try fixture.ministry.connect()
        // (cancelled at, inserted at): the cancellation first, then the other way round.
        let orders = [("2026-07-02 10:00:00+08", "2026-07-02 10:00:01+08"), ("2026-07-02 10:00:01+08", "2026-07-02 10:00:00+08")]
        for (item, order) in zip(items, orders) {
            let copied = try ministry.execute("""
                INSERT INTO vehicles (\(try Self.columns(ministry)))
                SELECT \(try Self.columns(ministry).replacingOccurrences(of: "submitted_at", with: "$3::timestamptz"))
                FROM vehicles WHERE province_code = '410000' AND plate_number = $1 AND plate_colour = $2 AND NOT deleted
                """, [item["plate"], item["colour"], order.1]).affectedRows
            let cancelled = try ministry.execute("""
                UPDATE vehicles SET deleted = true, submitted_at = $3::timestamptz
                WHERE province_code = '410000' AND plate_number = $1 AND plate_colour = $2 AND submitted_at <> $4::timestamptz
                """, [item["plate"], item["colour"], order.0, order.1]).affectedRows
            #expect(copied == 1 && cancelled == 1)
        }
        _ = try fixture.due(at: try Self.t("2026-07-03T09:00:00+08:00"))
        for (item, order) in zip(items, orders) {
            let row = try results.execute("""
                SELECT reupload_kind, on_time, reuploaded_at = $4::timestamptz AS at_insert FROM recon.list_items
                WHERE list_id = $1 AND key_values->>'plate_number' = $2 AND key_values->>'plate_colour' = $3
                """, [list, item["plate"], item["colour"], order.1]).singleRow()
            #expect(row["reupload_kind"] == "reupload", "\(order): \(row)")
            #expect(row["on_time"] == "t" && row["at_insert"] == "t", "\(order): \(row)")
        }
    }

    /// Every column of the ministry's vehicles but its surrogate key.
    static func columns(_ ministry: Connection) throws -> String {
        try ministry.execute("""
            SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) AS columns FROM pg_attribute
            WHERE attrelid = 'vehicles'::regclass AND attnum > 0 AND NOT attisdropped AND attname <> 'row_id'
            """).singleRow().string("columns")
    }
}
