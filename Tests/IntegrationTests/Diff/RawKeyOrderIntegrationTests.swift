import Testing
import PostgresClient
import ReconTestSupport
@testable import ReconKit
@testable import ReconRules

/// issue 18 against the real server: raw-key (index) order gives the same differences as keys
/// normalised and sorted in SQL — integer keys (numeric order), dirty text keys moved through the
/// side stream, NULL keys, and a side whose moved rows overflow their bound.
@Suite("Raw-key order against PostgreSQL", .serialized)
struct RawKeyOrderIntegrationTests {
    /// Every stored difference of a run, in seq order, as text (the rows of a difference as a
    /// multiset: rows sharing a normalised key come in no defined order on either reading).
    static func stored(_ databases: DiffDatabases, _ runID: Int64) throws -> [String] {
        try databases.results.connect().execute("""
            SELECT seq, record_set, key_text, category, ministry_count, province_count, fields::text
                   || coalesce((SELECT jsonb_agg(r ORDER BY r::text) FROM jsonb_array_elements(rows) AS r)::text, '[]') AS fields
            FROM recon.differences WHERE run_id = $1 ORDER BY record_set, seq
            """, [String(runID)]).rows.map { row in
            "\(try row.int("seq")) \(try row.string("record_set")) \(try row.string("key_text")) \(try row.string("category")) \(try row.int("ministry_count"))/\(try row.int("province_count")) \(try row.string("fields"))"
        }
    }

    static func run(_ databases: DiffDatabases, _ sets: [RecordSetSpec], raw: Bool, movedBound: Int? = nil) throws -> [String] {
        var options = DiffDatabases.options
        options.rawKeyOrder = raw
        options.normaliseTextKeysInSwift = raw
        if let movedBound { options.movedBytesPerSide = movedBound }
        let outcome = try Reconciler(sources: databases.sources, provinceCode: "410000", provinceName: "河南省",
                                     recordSets: sets, options: options).run()
        return try stored(databases, outcome.runID)
    }

    @Test("vehicles with dirty keys (case, full-width, spaces, NULL, placeholders): identical output, seq for seq")
    func dirtyTextKeys() throws {
        let databases = try DiffDatabases("rawkey_text")
        try databases.loadDirtyVehicles()
        let sql = try Self.run(databases, [.vehicles], raw: false)
        let raw = try Self.run(databases, [.vehicles], raw: true)
        let overflow = try Self.run(databases, [.vehicles], raw: true, movedBound: 1)
        #expect(sql.count > 30)
        #expect(raw == sql)
        #expect(overflow == sql)
        #expect(sql.contains { $0.contains("duplicate_key") } && sql.contains { $0.contains("empty_key") })
    }

    @Test("an integer primary key is read in index order and compared as an integer; a nullable one with NULLs")
    func integerKeys() throws {
        let databases = try DiffDatabases("rawkey_int")
        let (pk, nullable) = try databases.loadIntegerKeyTables()
        let planConnection = (try databases.ministry.connect(), try databases.province.connect())
        let plan = try #require(try KeyReadPlan.choose(pk, ministry: planConnection.0, province: planConnection.1))
        #expect(plan.integerColumns == [true] && plan.ministryNotNull == [true])
        let sql = try Self.run(databases, [pk, nullable], raw: false)
        let raw = try Self.run(databases, [pk, nullable], raw: true)
        // Same differences; the integer set's seq follow numeric order instead of text order.
        func unnumbered(_ lines: [String]) -> [String] { lines.map { String($0.drop { $0 != " " }) }.sorted() }
        #expect(unnumbered(raw) == unnumbered(sql))
        #expect(sql.count > 40)
        let keys = raw.map { $0.split(separator: " ") }.filter { $0[1] == "t_pk" }.map { Int($0[2].filter { $0 != "\"" })! }
        #expect(keys.count > 40)
        #expect(keys == keys.sorted(), "differences in numeric key order")
        #expect(raw.contains { $0.contains("empty_key") && $0.contains("2/2") }, "NULL and 0 (zeroAsNull) share the empty key")
    }
}
