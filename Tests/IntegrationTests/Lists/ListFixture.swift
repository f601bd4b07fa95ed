import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

/// An instant from an ISO 8601 literal with offset (a typo fails the test).
func at(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Date {
    do {
        return try BeijingTime.parseTimestamp(text)
    } catch {
        Issue.record("bad test timestamp \(text): \(error)", sourceLocation: sourceLocation)
        return Date(timeIntervalSince1970: 0)
    }
}

/// A results database with a province and completed runs whose differences are inserted directly
/// (as the diff engine writes them), plus a ministry and a province registry with the reference
/// schemas, for issuing, exporting and tracking lists.
final class ListFixture: @unchecked Sendable {
    let resultsDB: TestDatabase
    let ministryDB: TestDatabase
    let provinceDB: TestDatabase
    let results: Connection
    let ministry: Connection
    let province: Connection
    static let provinceCode = "410000"

    init(_ label: String) throws {
        resultsDB = try TestDatabase("\(label)_r")
        ministryDB = try TestDatabase("\(label)_m")
        provinceDB = try TestDatabase("\(label)_p")
        results = try resultsDB.connect()
        ministry = try ministryDB.connect()
        province = try provinceDB.connect()
        try Migrator(connection: results).apply()
        try ministry.executeSimple(try #require(ReferenceSQL.file("ministry.sql")))
        try province.executeSimple(try #require(ReferenceSQL.file("province.sql")))
        try results.execute("INSERT INTO recon.provinces (code, name) VALUES ($1, '河南省')", [Self.provinceCode])
    }

    /// A completed run finished at `finishedAt` with `differing` keys recorded; `official` makes it
    /// the official run of the quarter it finished in (a fixture: the reconciler decides that for real).
    func run(finishedAt: String = "2025-09-30T09:00:00+08:00", differing: Int? = nil, status: String = "completed",
             official: Bool = false) throws -> Int64 {
        let row = try results.execute("""
            INSERT INTO recon.runs (province_code, status, started_at, finished_at, record_sets, differing_keys, union_keys,
                                    official_quarter, official_window)
            VALUES ($1, $2, $3::timestamptz - interval '1 hour', $3::timestamptz, ARRAY['operators','practitioners','vehicles'], $4, 100000,
                    CASE WHEN $5 THEN to_char($3::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY"Q"Q') END,
                    CASE WHEN $5 THEN 'reconciliation' END)
            RETURNING id
            """, [Self.provinceCode, status, finishedAt, differing.map(String.init), official ? "true" : "false"]).singleRow()
        return Int64(try row.int("id"))
    }

    /// One differing key, as the diff engine stores it.
    func difference(run: Int64, set: String, seq: Int, key: [(String, String?)], category: String,
                    ministryCount: Int = 1, provinceCount: Int = 1,
                    fields: [(column: String, label: String, ministry: String?, province: String?)] = []) throws {
        let keyValues = Dictionary(uniqueKeysWithValues: key.map { ($0.0, $0.1.map { $0 as Any } ?? NSNull()) })
        let fieldObjects: [[String: Any]] = fields.map {
            ["column": $0.column, "label": $0.label, "ministry": $0.ministry.map { $0 as Any } ?? NSNull(),
             "province": $0.province.map { $0 as Any } ?? NSNull()]
        }
        try results.execute("""
            INSERT INTO recon.differences (run_id, record_set, seq, key_text, key_values, category, ministry_count, province_count, fields)
            VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9::jsonb)
            """, [String(run), set, String(seq), key.map { $0.1 ?? "(空)" }.joined(separator: " / "),
                  try Self.json(keyValues), category, String(ministryCount), String(provinceCount), try Self.json(fieldObjects)])
    }

    static func json(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    /// A ministry vehicle row of the province.
    func ministryVehicle(_ plate: String, _ colour: String, vin: String?, submittedAt: String, deleted: Bool = false) throws {
        try ministry.execute("""
            INSERT INTO vehicles (plate_number, plate_colour, vin, province_code, submitted_at, deleted)
            VALUES ($1, $2, $3, $4, $5::timestamptz, $6)
            """, [plate, colour, vin, Self.provinceCode, submittedAt, deleted ? "true" : "false"])
    }

    /// A province vehicle row.
    func provinceVehicle(_ plate: String, _ colour: String, vin: String?) throws {
        try province.execute("INSERT INTO vehicles (plate_number, plate_colour, vin) VALUES ($1, $2, $3)", [plate, colour, vin])
    }

    /// A tracker over the fixture's databases.
    func tracker(batchSize: Int = 10_000) -> Tracker {
        let province = self.province
        return Tracker(results: results, ministry: ministry, batchSize: batchSize) { code in
            guard code == Self.provinceCode else { throw TestSupportError("unexpected province \(code)") }
            return province
        }
    }

    /// The tracked columns of a list's items, by 序号, as text.
    func trackedState(list: Int64) throws -> [[String?]] {
        try results.execute("""
            SELECT item_no, reuploaded_at::text, reupload_kind, on_time::text, resolved::text, resolved_at::text, checked_at::text
            FROM recon.list_items WHERE list_id = $1 ORDER BY item_no
            """, [String(list)]).rows.map(\.values)
    }

    /// One item's tracked columns.
    func item(list: Int64, no: Int) throws -> Row {
        try results.execute("""
            SELECT item_no, record_set, key_text, category, reuploaded_at, reupload_kind, on_time, resolved, resolved_at, checked_at
            FROM recon.list_items WHERE list_id = $1 AND item_no = $2
            """, [String(list), String(no)]).singleRow()
    }
}
