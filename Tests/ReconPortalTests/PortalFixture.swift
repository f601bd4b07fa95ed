import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresClient
import ReconKit
import ReconRules
import ReconPortal
import ReconTestSupport
import Testing

/// An instant from an ISO 8601 literal with offset.
func at(_ text: String) throws -> Date { try BeijingTime.parseTimestamp(text) }

/// A migrated results database with two provinces (河南 410000, 湖北 420000), one issued list each
/// (河南's with `henanItems` items), a stored scoring of 2025Q3, and tokens for 河南, 湖北 and the
/// ministry.
final class PortalFixture: @unchecked Sendable {
    let database: TestDatabase
    let results: Connection
    let henanList: Int64
    let hubeiList: Int64
    let henanToken: String
    let hubeiToken: String
    let ministryToken: String
    let henanTokenID: Int64
    /// The portal's clock in the tests: during the rectification period.
    static let now = "2025-10-10T09:00:00+08:00"

    init(_ label: String, henanItems: Int = 3) throws {
        database = try TestDatabase(label)
        results = try database.connect()
        try Migrator(connection: results).apply()
        try results.execute("INSERT INTO recon.provinces (code, name) VALUES ('410000', '河南省'), ('420000', '湖北省')")
        henanList = try Self.issue(results, province: "410000", items: henanItems)
        hubeiList = try Self.issue(results, province: "420000", items: 2)
        let store = PortalTokenStore(connection: results)
        let henan = try store.create(province: "410000", name: "河南省运政")
        henanToken = henan.token
        henanTokenID = henan.info.id
        hubeiToken = try store.create(province: "420000", name: "湖北省运政").token
        ministryToken = try store.create(province: nil, name: "部级").token
        let scoring = try results.execute("""
            INSERT INTO recon.scorings (quarter, policy, calendar_version, results_due, notice_ends)
            VALUES ('2025Q3', 'strict', 'test', '2025-10-24', '2025-10-31') RETURNING id
            """).singleRow().string("id")
        for (province, indicator, numerator, denominator, hundredths) in [
            ("410000", 10, 3, 1000, 500), ("410000", 11, 1, 3, 0), ("410000", 12, 999, 1000, 450),
            ("420000", 10, 2, 1000, 500), ("420000", 11, 2, 2, 500), ("420000", 12, 1000, 1000, 500),
        ] {
            try results.execute("""
                INSERT INTO recon.scores (scoring_id, province_code, indicator, numerator, denominator, score_hundredths, reason_code, reason)
                VALUES ($1, $2, $3, $4, $5, $6, 'computed', '按规则计算')
                """, [scoring, province, String(indicator), String(numerator), String(denominator), String(hundredths)])
        }
    }

    /// A completed run of `province` with `items` vehicle differences, issued as its official list.
    static func issue(_ results: Connection, province: String, items: Int) throws -> Int64 {
        let run = try results.execute("""
            INSERT INTO recon.runs (province_code, status, started_at, finished_at, record_sets, differing_keys, union_keys,
                                    official_quarter, official_window)
            VALUES ($1, 'completed', '2025-09-30T08:00:00+08:00', '2025-09-30T09:00:00+08:00',
                    ARRAY['operators','practitioners','vehicles'], $2, 100000, '2025Q3', 'reconciliation')
            RETURNING id
            """, [province, String(items)]).singleRow().int("id")
        for seq in 1...max(1, items) where items > 0 {
            let plate = "豫A\(10000 + seq)"
            try results.execute("""
                INSERT INTO recon.differences (run_id, record_set, seq, key_text, key_values, category, ministry_count, province_count, fields)
                VALUES ($1, 'vehicles', $2, $3, $4::jsonb, 'ministry_only', 1, 0, '[]'::jsonb)
                """, [String(run), String(seq), "\(plate) / 2", "{\"plate_colour\": \"2\", \"plate_number\": \"\(plate)\"}"])
        }
        return try ListIssuer(connection: results).issue(runID: Int64(run), official: true,
                                                         issuedAt: try at("2025-09-30T10:00:00+08:00")).list.id
    }

    /// The portal application over the fixture's database, its clock fixed at `now`.
    func application() throws -> some ApplicationProtocol {
        let fixed = try at(Self.now)
        let settings = PortalSettings(database: PortalDatabase(dsn: database.dsn), now: { fixed })
        var logger = Logger(label: "portal-tests")
        logger.logLevel = .warning   // no request lines in the test output
        return Application(router: Portal.router(settings: settings), logger: logger)
    }
}

/// `Authorization: Bearer <token>`.
func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

/// The decoded JSON object of a response body.
func json(_ response: TestResponse) throws -> [String: Any] {
    let data = Data(response.body.readableBytesView)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

/// The error message of a Hummingbird error response (`{"error":{"message":…}}`).
func errorMessage(_ response: TestResponse) throws -> String {
    let error = try #require(try json(response)["error"] as? [String: Any])
    return try #require(error["message"] as? String)
}
