import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// Issue 25 case 7 through `recon due`: 300 province operators without a 经营许可证号 are 300
/// differing records of indicator 10 (default), one under the named policy `jtys-2022-1599-keys`.
@Suite("Indicator 10 counts each record", .serialized)
struct RecordCountingIntegrationTests {
    static func t(_ text: String) throws -> Date { try BeijingTime.parseTimestamp(text) }

    @Test func emptyKeyRowsCountOneByOne() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 300)
        let province = try fixture.provinces["410000"]!.connect()
        try province.executeSimple("""
            INSERT INTO operators (licence_no, name) SELECT NULL, '无证业户' || g FROM generate_series(1, 300) g
            """)
        _ = try fixture.due(at: try Self.t("2026-07-01T09:00:00+08:00"))
        let drafted = try fixture.due(at: try Self.t("2026-10-20T09:00:00+08:00"))
        #expect(drafted.first { $0.step == "score" }?.status == .done, "\(drafted)")
        let results = try fixture.results.connect()
        let run = try results.execute("""
            SELECT id, union_keys, differing_keys FROM recon.runs WHERE official_quarter = '2026Q3' AND province_code = '410000'
            """).singleRow()
        let empty = try results.execute("""
            SELECT province_count, ministry_count FROM recon.differences
            WHERE run_id = $1 AND record_set = 'operators' AND category = 'empty_key'
            """, [try run.string("id")]).singleRow()
        #expect(try empty.int("province_count") >= 300)
        // Every other duplicated or empty key adds its extra rows too.
        let extra = try results.execute("""
            SELECT coalesce(sum(CASE category WHEN 'duplicate_key' THEN greatest(ministry_count, province_count) - 1
                                              ELSE ministry_count + province_count - 1 END), 0) AS extra
            FROM recon.differences WHERE run_id = $1 AND category IN ('duplicate_key', 'empty_key')
            """, [try run.string("id")]).singleRow().int("extra")
        #expect(extra >= 299)
        let lifecycle = QuarterLifecycle(results: results, calendar: .builtIn)
        guard case let .onNotice(draft, _) = try lifecycle.stage(try Quarter.parse("2026Q3")) else { Issue.record("not drafted"); return }
        let henan = try #require(draft.scores.provinces.first)
        #expect(henan.differenceRate.numerator == (try run.int("differing_keys")) + extra, "\(henan.differenceRate)")
        #expect(henan.differenceRate.denominator == (try run.int("union_keys")) + extra, "\(henan.differenceRate)")
        // The earlier reading, as a named policy: keys.
        let keys = try QuarterScoring.compute(config: fixture.config, results: results, quarter: try Quarter.parse("2026Q3"),
                                              policyName: "jtys-2022-1599-keys", environment: [:])
        #expect(keys.provinces.first?.differenceRate.numerator == (try run.int("differing_keys")))
        #expect(keys.provinces.first?.differenceRate.denominator == (try run.int("union_keys")))
        #expect((keys.provinces.first?.differenceRate.score.hundredths ?? 0) > henan.differenceRate.score.hundredths)
    }
}
