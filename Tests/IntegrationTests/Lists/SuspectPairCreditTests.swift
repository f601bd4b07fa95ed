import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// Issue 25 case 4 through `recon due`: a 疑似同一记录 pair (the province's mistyped key) is
/// rectified as one record — fixing the province's key and re-uploading the ministry's correct row
/// credits both items; uploading the mistyped key to the ministry as a new row credits neither
/// (docs/rules.md, "疑似同一记录").
@Suite("Suspected same records are rectified as one", .serialized)
struct SuspectPairCreditTests {
    static func t(_ text: String) throws -> Date { try BeijingTime.parseTimestamp(text) }

    @Test func aPairCountsWhenBothItsItemsAreResolved() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 300)
        let province = try fixture.provinces["410000"]!.connect()
        let ministry = try fixture.ministry.connect()
        // Three province operators get a mistyped 经营许可证号 (one character more), their ministry
        // rows being the same records: three pairs.
        let keys = try province.execute("""
            SELECT p.licence_no FROM operators p WHERE p.licence_no ~ '^[0-9A-Z]+$'
              AND (SELECT count(*) FROM operators q WHERE q.licence_no = p.licence_no) = 1
            ORDER BY p.licence_no LIMIT 40
            """).rows.map { try $0.string("licence_no") }
        var chosen: [String] = []
        for key in keys where chosen.count < 3 {
            let atMinistry = try ministry.execute("""
                SELECT count(*) AS n FROM operators WHERE province_code = '410000' AND licence_no = $1 AND NOT deleted
                """, [key]).singleRow().int("n")
            if atMinistry == 1 { chosen.append(key) }
        }
        try #require(chosen.count == 3)
        for key in chosen {
            try province.execute("UPDATE operators SET licence_no = licence_no || '9' WHERE licence_no = $1", [key])
        }
        _ = try fixture.due(at: try Self.t("2026-07-01T09:00:00+08:00"))
        let results = try fixture.results.connect()
        let paired = try results.execute("""
            SELECT count(*) AS n FROM recon.list_items
            WHERE record_set = 'operators' AND suspect_item_no IS NOT NULL AND key_values->>'licence_no' = ANY($1::text[])
            """, [PostgresArray.text(chosen)]).singleRow().int("n")
        try #require(paired == 3, "the three ministry-only items are paired")

        // Pair A, the right fix: the province corrects its key; the ministry's row is re-uploaded.
        try province.execute("UPDATE operators SET licence_no = $1 WHERE licence_no = $1 || '9'", [chosen[0]])
        try ministry.execute("""
            UPDATE operators SET submitted_at = '2026-07-02 10:00+08' WHERE province_code = '410000' AND licence_no = $1
            """, [chosen[0]])
        // Pairs B and C, the wrong fix: the mistyped key uploaded to the ministry as a new row.
        let columns = try ministry.execute("""
            SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) AS c FROM pg_attribute
            WHERE attrelid = 'operators'::regclass AND attnum > 0 AND NOT attisdropped AND attname NOT IN ('row_id', 'licence_no', 'submitted_at')
            """).singleRow().string("c")
        for key in chosen.dropFirst() {
            try ministry.execute("""
                INSERT INTO operators (licence_no, submitted_at, \(columns))
                SELECT licence_no || '9', '2026-07-02 10:00+08', \(columns) FROM operators WHERE province_code = '410000' AND licence_no = $1
                """, [key])
        }
        _ = try fixture.due(at: try Self.t("2026-07-03T09:00:00+08:00"))
        let drafted = try fixture.due(at: try Self.t("2026-10-20T09:00:00+08:00"))
        #expect(drafted.first { $0.step == "score" }?.status == .done, "\(drafted)")
        let q3 = try Quarter.parse("2026Q3")
        guard case let .onNotice(draft, _) = try QuarterLifecycle(results: results, calendar: .builtIn).stage(q3) else {
            Issue.record("not drafted"); return
        }
        // Pair A's two items, nothing of B and C.
        #expect(draft.scores.provinces.first?.rectificationRate.numerator == 2, "\(draft.scores.provinces.first!.rectificationRate)")
        let anyUpload = try QuarterScoring.compute(config: fixture.config, results: results, quarter: q3,
                                                   policyName: "jtys-2022-1599-any-upload", environment: [:])
        #expect(anyUpload.provinces.first?.rectificationRate.numerator == 3, "A's ministry key and B's and C's uploads")
    }
}
