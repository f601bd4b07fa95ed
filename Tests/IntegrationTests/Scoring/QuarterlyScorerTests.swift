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

    /// A completed run finishing at a Beijing time, marked official as the reconciler's commit marks
    /// it (the first complete run inside the window).
    static func run(_ db: Connection, _ province: String, finished: String, union: Int, differing: Int,
                    sets: String = "{operators,practitioners,vehicles}") throws -> Int {
        let id = try db.execute("""
            INSERT INTO recon.runs (province_code, status, started_at, finished_at, record_sets, union_keys, differing_keys)
            VALUES ($1, 'completed', $2::timestamptz - interval '1 minute', $2::timestamptz, $5::text[], $3, $4) RETURNING id
            """, [province, finished, String(union), String(differing), sets]).singleRow().int("id")
        let recordSets = sets.dropFirst().dropLast().split(separator: ",").map(String.init)
        let micros = try db.execute("SELECT (extract(epoch FROM $1::timestamptz) * 1000000)::bigint AS us", [finished]).singleRow().int("us")
        _ = try OfficialMarking(calendar: .builtIn, policy: .jtys2022OwnQuarter, requiredRecordSets: ["operators", "practitioners", "vehicles"])
            .mark(runID: Int64(id), province: province, recordSets: recordSets,
                  finishedAt: BeijingTime.instant(microsecondsSince1970: Int64(micros)), on: db)
        return id
    }

    /// A list of `items` items of which `onTime` were re-uploaded in time.
    static func list(_ db: Connection, run: Int, province: String, items: Int, onTime: Int) throws {
        let id = try db.execute("""
            INSERT INTO recon.lists (run_id, province_code, quarter, official, official_window, issued_at, deadline, calendar_version, item_count)
            VALUES ($1, $2, '2026Q3', true, 'reconciliation', '2026-07-02 10:00+08', '2026-07-10 00:00+08', 'test', $3) RETURNING id
            """, [String(run), province, String(items)]).singleRow().int("id")
        try db.execute("""
            INSERT INTO recon.list_items (list_id, item_no, record_set, key_text, key_values, category, ministry_count,
                                          province_count, fields, reuploaded_at, on_time, updated_at, updated_on_time)
            SELECT $1, n, 'vehicles', 'K' || n, '{}', 'field_mismatch', 1, 1, '[]',
                   CASE WHEN n <= $2 THEN timestamptz '2026-07-03 09:00+08' END,
                   CASE WHEN n <= $2 THEN true END,
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
        // 2026Q3 window under the earlier attribution (jtys-2022-1599-own-quarter: the first 5
        // working days of the quarter itself): 2026-07-01 … 2026-07-07.
        _ = try Self.run(connection, "410000", finished: "2026-06-30 23:59:59+08", union: 100, differing: 50)  // before: self-check
        _ = try Self.run(connection, "410000", finished: "2026-07-01 09:00+08", union: 100, differing: 0, sets: "{vehicles}")  // partial: self-check
        let official = try Self.run(connection, "410000", finished: "2026-07-02 09:00+08", union: 10_000, differing: 101)  // 1.01%
        _ = try Self.run(connection, "410000", finished: "2026-07-03 09:00+08", union: 10_000, differing: 0)    // later: ignored
        try Self.list(connection, run: official, province: "410000", items: 1000, onTime: 975)  // 97.5%
        _ = try Self.run(connection, "420000", finished: "2026-07-08 00:00:00+08", union: 10, differing: 0)  // just after the window
        let hunanRun = try Self.run(connection, "430000", finished: "2026-07-07 23:59:59+08", union: 1000, differing: 0)

        let scorer = QuarterlyScorer(results: connection, calendar: .builtIn, policy: .jtys2022OwnQuarter, aggregation: nil)
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

    @Test func versionsAreAddedNeverReplacedAndTheDatabaseRefusesChanges() throws {
        let (db, connection) = try prepared()
        _ = db
        let run = try Self.run(connection, "410000", finished: "2026-07-02 09:00+08", union: 1000, differing: 10)
        try Self.list(connection, run: run, province: "410000", items: 10, onTime: 9)
        let scorer = QuarterlyScorer(results: connection, calendar: .builtIn, policy: .jtys2022OwnQuarter, aggregation: nil)
        let quarter = try Quarter.parse("2026Q3")
        let now = Date()
        let first = try connection.transaction { db in
            try ScoreStore.insertVersion(try scorer.score(quarter: quarter, provinces: [Self.henan]), kind: .draft, basedOn: nil,
                                         reason: nil, createdBy: "test", at: now, on: db)
        }
        try connection.execute("UPDATE recon.list_items SET on_time = true, reuploaded_at = now(), updated_on_time = true, updated_at = now() WHERE item_no = 10")
        let second = try connection.transaction { db in
            try ScoreStore.insertVersion(try scorer.score(quarter: quarter, provinces: [Self.henan]), kind: .correction, basedOn: first.id,
                                         reason: "test correction", createdBy: "test", at: now, on: db)
        }
        #expect(first.version == 1 && second.version == 2)
        let versions = try ScoreStore.versions(quarter, on: connection)
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions[0].scores.provinces[0].rectificationRate.score.description == "1.50")
        #expect(versions[1].scores.provinces[0].rectificationRate.score.description == "5.00")
        // The database keeps versions as written.
        #expect(throws: PostgresError.self) { try connection.execute("DELETE FROM recon.scorings WHERE id = $1", [String(first.id)]) }
        #expect(throws: PostgresError.self) { try connection.execute("UPDATE recon.scores SET score_hundredths = 500") }
        #expect(throws: PostgresError.self) {
            // A correction needs its reason and the version it corrects.
            try connection.execute("INSERT INTO recon.scorings (quarter, version, kind, policy, calendar_version, results_due, notice_ends) VALUES ('2026Q3', 3, 'correction', 'x', 'x', '2026-10-20', '2026-10-26')")
        }
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

    @Test func missingListScoresZeroAndIsNamedWithoutBlockingTheOthers() throws {
        let (db, connection) = try prepared()
        _ = db
        let run = try Self.run(connection, "410000", finished: "2026-07-02 09:00+08", union: 1000, differing: 10)
        let hubeiRun = try Self.run(connection, "420000", finished: "2026-07-02 10:00+08", union: 1000, differing: 10)
        try Self.list(connection, run: hubeiRun, province: "420000", items: 10, onTime: 10)
        let scorer = QuarterlyScorer(results: connection, calendar: .builtIn, policy: .jtys2022OwnQuarter, aggregation: nil)
        let scores = try scorer.score(quarter: try Quarter.parse("2026Q3"), provinces: [Self.henan, Self.hubei])
        #expect(scores.provinces[0].rectificationRate.reasonCode == .listMissing)
        #expect(scores.provinces[0].rectificationRate.score == .zero)
        #expect(scores.provinces[0].problems.count == 1)
        #expect(scores.provinces[0].problems[0].contains("recon lists issue --run \(run)"))
        #expect(scores.provinces[1].problems.isEmpty)
        #expect(scores.provinces[1].rectificationRate.score.description == "5.00")
    }

    @Test func anEmptyReconciliationReadsTheSameIn10And11() throws {
        let (db, connection) = try prepared()
        _ = db
        _ = try Self.run(connection, "410000", finished: "2026-07-02 09:00+08", union: 0, differing: 0)
        let scorer = QuarterlyScorer(results: connection, calendar: .builtIn, policy: .jtys2022OwnQuarter, aggregation: nil)
        let henan = try scorer.score(quarter: try Quarter.parse("2026Q3"), provinces: [Self.henan]).provinces[0]
        #expect(henan.differenceRate.reasonCode == .noRecords && henan.rectificationRate.reasonCode == .noRecords)
        #expect(henan.differenceRate.score == henan.rectificationRate.score)
        #expect(henan.differenceRate.score == .zero)
    }

    @Test func theDatabaseAllowsOneOfficialRunPerProvinceAndQuarter() throws {
        let (db, connection) = try prepared()
        _ = db
        let first = try Self.run(connection, "410000", finished: "2026-07-02 09:00+08", union: 10, differing: 0)
        let second = try Self.run(connection, "410000", finished: "2026-07-03 09:00+08", union: 10, differing: 0)
        #expect(try OfficialRun.find(province: "410000", quarter: try Quarter.parse("2026Q3"), on: connection)?.runID == first)
        #expect(throws: PostgresError.self) {
            try connection.execute("UPDATE recon.runs SET official_quarter = '2026Q3', official_window = 'reconciliation' WHERE id = $1", [String(second)])
        }
        #expect(throws: PostgresError.self) {
            try connection.execute("UPDATE recon.runs SET official_quarter = NULL, official_window = NULL WHERE id = $1", [String(first)])
        }
        // A list of a self-check run cannot be official.
        #expect(throws: PostgresError.self) {
            try connection.execute("""
                INSERT INTO recon.lists (run_id, province_code, quarter, official, official_window, issued_at, deadline, calendar_version, item_count)
                VALUES ($1, '410000', '2026Q3', true, 'reconciliation', now(), now(), 'x', 0)
                """, [String(second)])
        }
        #expect(throws: ListError.self) { try ListIssuer(connection: connection).issue(runID: Int64(second), official: true) }
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
        // In the quarter: S1, S2, S3 (twice: one record), NULL, S7, ｓ8 = 6 records (distinct serial numbers; a
        // row without one is a record of its own); matched: S1, S3 and ｓ8 (full-width, lower case, trailing space:
        // the same serial as S8) = 3. S7 is on the platform for another province only.
        #expect(counts == AggregationCounts(ministryRecords: 6, matchedRecords: 3))
    }
}
