import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

@Suite("Quarterly scoring against the results database")
struct QuarterlyScorerTests {
    static let henan = ProvinceConfig(code: "410000", name: "河南省", source: DatabaseSource(dsn: "unused", origin: "test"))
    static let hubei = ProvinceConfig(code: "420000", name: "湖北省", source: DatabaseSource(dsn: "unused", origin: "test"))
    static let hunan = ProvinceConfig(code: "430000", name: "湖南省", source: DatabaseSource(dsn: "unused", origin: "test"))

    /// A completed run finishing at a Beijing time.
    static func run(_ db: Connection, _ province: String, finished: String, union: Int, differing: Int,
                    sets: String = "{operators,practitioners,vehicles}") throws -> Int {
        try db.execute("""
            INSERT INTO recon.runs (province_code, status, started_at, finished_at, record_sets, union_keys, differing_keys)
            VALUES ($1, 'completed', $2::timestamptz - interval '1 minute', $2::timestamptz, $5::text[], $3, $4) RETURNING id
            """, [province, finished, String(union), String(differing), sets]).singleRow().int("id")
    }

    /// A list of `items` items of which `onTime` were re-uploaded in time.
    static func list(_ db: Connection, run: Int, province: String, items: Int, onTime: Int) throws {
        let id = try db.execute("""
            INSERT INTO recon.lists (run_id, province_code, quarter, official, issued_at, deadline, calendar_version, item_count)
            VALUES ($1, $2, '2026Q3', true, '2026-07-02 10:00+08', '2026-07-10 00:00+08', 'test', $3) RETURNING id
            """, [String(run), province, String(items)]).singleRow().int("id")
        try db.execute("""
            INSERT INTO recon.list_items (list_id, item_no, record_set, key_text, key_values, category, ministry_count,
                                          province_count, fields, reuploaded_at, on_time)
            SELECT $1, n, 'vehicles', 'K' || n, '{}', 'field_mismatch', 1, 1, '[]',
                   CASE WHEN n <= $2 THEN timestamptz '2026-07-03 09:00+08' END,
                   CASE WHEN n <= $2 THEN true END
            FROM generate_series(1, $3) AS n
            """, [String(id), String(onTime), String(items)])
    }

    func prepared() throws -> (TestDatabase, Connection) {
        let db = try TestDatabase("scoring")
        let connection = try db.connect()
        try Migrator(connection: connection).apply()
        try ProvinceSync.sync([Self.henan, Self.hubei, Self.hunan], on: connection)
        return (db, connection)
    }

    @Test func officialRunIsTheFirstCompletedInsideTheWindow() throws {
        let (db, connection) = try prepared()
        _ = db
        // 2026Q3 window (first 5 working days): 2026-07-01 … 2026-07-07.
        _ = try Self.run(connection, "410000", finished: "2026-06-30 23:59:59+08", union: 100, differing: 50)  // before: self-check
        _ = try Self.run(connection, "410000", finished: "2026-07-01 09:00+08", union: 100, differing: 0, sets: "{vehicles}")  // partial: self-check
        let official = try Self.run(connection, "410000", finished: "2026-07-02 09:00+08", union: 10_000, differing: 101)  // 1.01%
        _ = try Self.run(connection, "410000", finished: "2026-07-03 09:00+08", union: 10_000, differing: 0)    // later: ignored
        try Self.list(connection, run: official, province: "410000", items: 1000, onTime: 975)  // 97.5%
        _ = try Self.run(connection, "420000", finished: "2026-07-08 00:00:00+08", union: 10, differing: 0)  // just after the window
        let hunanRun = try Self.run(connection, "430000", finished: "2026-07-07 23:59:59+08", union: 1000, differing: 0)

        let scorer = QuarterlyScorer(results: connection, calendar: .builtIn, policy: .default, aggregation: nil)
        let scores = try scorer.score(quarter: try Quarter.parse("2026Q3"), provinces: [Self.henan, Self.hubei, Self.hunan])
        let henan = scores.provinces[0]
        #expect(henan.officialRunID == official)
        #expect(henan.differenceRate.score.description == "4.50")
        #expect(henan.rectificationRate.score.description == "4.63")
        #expect(henan.aggregationRate.score.description == "0.00")
        #expect(henan.aggregationRate.reason.contains("无业务数据"))
        #expect(henan.subtotal.description == "9.13")
        let hubei = scores.provinces[1]
        #expect(hubei.officialRunID == nil)
        #expect(hubei.differenceRate.reasonCode == .windowMissed)
        #expect(hubei.differenceRate.score == .zero)
        #expect(hubei.rectificationRate.score == .zero)
        let hunan = scores.provinces[2]
        #expect(hunan.officialRunID == hunanRun)
        #expect(hunan.differenceRate.score.description == "5.00")
        #expect(hunan.rectificationRate.score.description == "5.00")  // 对账无差异的省份，得5分
        #expect(hunan.rectificationRate.reasonCode == .noDifferences)
        #expect(scores.resultsDue.description == "2026-10-20")
    }

    @Test func rescoringReplacesTheQuarter() throws {
        let (db, connection) = try prepared()
        _ = db
        let run = try Self.run(connection, "410000", finished: "2026-07-02 09:00+08", union: 1000, differing: 10)
        try Self.list(connection, run: run, province: "410000", items: 10, onTime: 9)
        let scorer = QuarterlyScorer(results: connection, calendar: .builtIn, policy: .default, aggregation: nil)
        let quarter = try Quarter.parse("2026Q3")
        try ScoreStore.replace(try scorer.score(quarter: quarter, provinces: [Self.henan]), on: connection)
        try connection.execute("UPDATE recon.list_items SET on_time = true, reuploaded_at = now() WHERE item_no = 10")
        let secondID = try ScoreStore.replace(try scorer.score(quarter: quarter, provinces: [Self.henan]), on: connection)
        let rows = try connection.execute("SELECT scoring_id, indicator, score_hundredths FROM recon.scores ORDER BY indicator").rows
        #expect(rows.count == 3)
        #expect(try rows.allSatisfy { try $0.int("scoring_id") == secondID })
        #expect(try rows[1].int("score_hundredths") == 500)
        #expect(try connection.execute("SELECT count(*) AS n FROM recon.scorings").singleRow().int("n") == 1)
    }

    @Test func listCannotBeIssuedBeforeItsRunFinished() throws {
        let (db, connection) = try prepared()
        _ = db
        let run = try Self.run(connection, "410000", finished: "2026-07-02 09:00+08", union: 1000, differing: 0)
        #expect(throws: ListError.self) {
            try ListIssuer(connection: connection).issue(runID: Int64(run), issuedAt: try BeijingTime.parseTimestamp("2026-07-02T08:59:59+08:00"))
        }
        let issued = try ListIssuer(connection: connection).issue(runID: Int64(run), issuedAt: try BeijingTime.parseTimestamp("2026-07-02T09:00:00+08:00"))
        #expect(issued.created)
    }

    @Test func missingListIsAClearError() throws {
        let (db, connection) = try prepared()
        _ = db
        let run = try Self.run(connection, "410000", finished: "2026-07-02 09:00+08", union: 1000, differing: 10)
        let scorer = QuarterlyScorer(results: connection, calendar: .builtIn, policy: .default, aggregation: nil)
        let error = try #require(throws: ScoringRunError.self) {
            try scorer.score(quarter: try Quarter.parse("2026Q3"), provinces: [Self.henan])
        }
        #expect(error.description.contains("recon lists issue --run \(run)"))
    }

    @Test func aggregationMatchesBySerialAcrossDatabases() throws {
        let ministryDB = try TestDatabase("agg_m")
        let platformDB = try TestDatabase("agg_p")
        let ministry = try ministryDB.connect()
        let platform = try platformDB.connect()
        try ministry.executeSimple(try #require(ReferenceSQL.file("ministry.sql")))
        try platform.executeSimple(try #require(ReferenceSQL.file("platform.sql")))
        // 2026Q3 in Beijing: [2026-07-01 00:00+08, 2026-10-01 00:00+08).
        try ministry.executeSimple("""
            INSERT INTO business_records (serial_no, province_code, submitted_at) VALUES
              ('S1', '410000', '2026-07-01 00:00:00+08'),
              ('S2', '410000', '2026-09-30 23:59:59+08'),
              ('S3', '410000', '2026-08-01 12:00+08'),
              ('S3', '410000', '2026-08-02 12:00+08'),
              (NULL, '410000', '2026-08-03 12:00+08'),
              ('S4', '410000', '2026-06-30 23:59:59+08'),
              ('S5', '410000', '2026-10-01 00:00:00+08'),
              ('S6', '420000', '2026-08-01 12:00+08'),
              ('S7', '410000', '2026-08-05 12:00+08'),
              ('ｓ8 ', '410000', '2026-08-06 12:00+08')
            """)
        try platform.executeSimple("""
            INSERT INTO business_records (serial_no, province_code, received_at) VALUES
              ('S1', '410000', now()), ('S3', '410000', now()), ('S3', '410000', now()), ('S4', '410000', now()),
              ('S6', '420000', now()), ('S9', '410000', now()), ('S7', '420000', now()), ('S8', '410000', now())
            """)
        let counter = AggregationCounter(ministry: ministry, platform: platform, spec: BusinessRecordSpec())
        let counts = try counter.count(province: "410000", quarter: try Quarter.parse("2026Q3"))
        // In the quarter: S1, S2, S3, S3, NULL, S7, ｓ8 = 7 records; matched: S1, S3, S3, and ｓ8 (full-width,
        // lower case, trailing space: the same serial as S8) = 4. S7 is on the platform for another province only.
        #expect(counts == AggregationCounts(ministryRecords: 7, matchedRecords: 4))
    }
}
