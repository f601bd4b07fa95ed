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

    init(_ label: String, henanItems: Int = 3, henanMismatch: Bool = false) throws {
        database = try TestDatabase(label)
        results = try database.connect()
        try Migrator(connection: results).apply()
        try results.execute("INSERT INTO recon.provinces (code, name) VALUES ('410000', '河南省'), ('420000', '湖北省')")
        henanList = try Self.issue(results, province: "410000", items: henanItems, mismatch: henanMismatch)
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
                VALUES ($1, $2, $3, $4, $5, $6, 'rate', '按比率计分（first-5-working-days）')
                """, [scoring, province, String(indicator), String(numerator), String(denominator), String(hundredths)])
        }
    }

    /// A completed run of `province` with `items` vehicle differences, issued as its official list.
    /// With `mismatch`, one more item: 豫B00001 / 2, 核心字段不一致 on 车辆类型 (ministry 货车, province 客车).
    static func issue(_ results: Connection, province: String, items: Int, mismatch: Bool = false) throws -> Int64 {
        let run = try results.execute("""
            INSERT INTO recon.runs (province_code, status, started_at, finished_at, record_sets, differing_keys, union_keys,
                                    official_quarter, official_window)
            VALUES ($1, 'completed', '2025-09-30T08:00:00+08:00', '2025-09-30T09:00:00+08:00',
                    ARRAY['operators','practitioners','vehicles'], $2, 100000, '2025Q3', 'reconciliation')
            RETURNING id
            """, [province, String(items + (mismatch ? 1 : 0))]).singleRow().int("id")
        for seq in 1...max(1, items) where items > 0 {
            let plate = "豫A\(10000 + seq)"
            try results.execute("""
                INSERT INTO recon.differences (run_id, record_set, seq, key_text, key_values, category, ministry_count, province_count, fields)
                VALUES ($1, 'vehicles', $2, $3, $4::jsonb, 'ministry_only', 1, 0, '[]'::jsonb)
                """, [String(run), String(seq), "\(plate) / 2", "{\"plate_colour\": \"2\", \"plate_number\": \"\(plate)\"}"])
        }
        if mismatch {
            try results.execute("""
                INSERT INTO recon.differences (run_id, record_set, seq, key_text, key_values, category, ministry_count, province_count, fields)
                VALUES ($1, 'vehicles', $2, '豫B00001 / 2', '{"plate_colour": "2", "plate_number": "豫B00001"}'::jsonb, 'field_mismatch', 1, 1,
                        '[{"column": "vehicle_type", "label": "车辆类型", "ministry": "货车", "province": "客车"}]'::jsonb)
                """, [String(run), String(items + 1)])
        }
        return try ListIssuer(connection: results).issue(runID: Int64(run), official: true,
                                                         issuedAt: try at("2025-09-30T10:00:00+08:00")).list.id
    }

    /// The portal's clock: `now` until a test moves it.
    let clock = TestClock()

    /// The portal application over the fixture's database, its clock at `clock`; `logs` collects
    /// the request log when given.
    func application(logs: LogCollector? = nil, maxConnections: Int = 4) throws -> some ApplicationProtocol {
        clock.set(try at(Self.now))
        let clock = self.clock
        let settings = PortalSettings(database: PortalDatabase(dsn: database.dsn, maxConnections: maxConnections), now: { clock.now })
        var logger = logs.map { collector in Logger(label: "portal-tests") { _ in collector } } ?? Logger(label: "portal-tests")
        logger.logLevel = logs == nil ? .error : .info   // no request lines in the test output
        return Application(router: Portal.router(settings: settings), logger: logger)
    }

    /// Logs in through the login form as a browser does; returns the session cookie header value
    /// and the session's CSRF token.
    func login(_ client: some TestClientProtocol, token: String) async throws -> (cookie: String, csrf: String) {
        let loginCSRF = try await client.execute(uri: "/", method: .get) { response in
            try #require(hiddenCSRF(String(buffer: response.body)))
        }
        let session = try await client.execute(
            uri: "/login", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .origin: "http://localhost",
                      .cookie: "recon_login_csrf=\(loginCSRF)"],
            body: ByteBuffer(string: "token=\(token)&csrf=\(loginCSRF)")) { response in
            #expect(response.status == .seeOther)
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("recon_session=") })
            return String(cookie.prefix { $0 != ";" })
        }
        let csrf = try await client.execute(uri: "/", method: .get, headers: [.cookie: session]) { response in
            try #require(hiddenCSRF(String(buffer: response.body)))
        }
        return (session, csrf)
    }
}

/// The value of the first `name="csrf"` hidden field of a page.
func hiddenCSRF(_ page: String) -> String? {
    guard let range = page.range(of: "name=\"csrf\" value=\"") else { return nil }
    return String(page[range.upperBound...].prefix { $0 != "\"" })
}

/// A clock the tests move.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var instant = Date(timeIntervalSince1970: 0)
    var now: Date { lock.withLock { instant } }
    func set(_ date: Date) { lock.withLock { instant = date } }
    func advance(seconds: Double) { lock.withLock { instant = instant.addingTimeInterval(seconds) } }
}

/// Collects log lines (message and metadata) for the request-log tests.
final class LogCollector: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    var lines: [String] { lock.withLock { stored } }

    func log(level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String,
             file: String, function: String, line: UInt) {
        let all = metadata.merging(explicit ?? [:]) { $1 }
        let text = "\(level) \(message) " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        lock.withLock { stored.append(text) }
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
