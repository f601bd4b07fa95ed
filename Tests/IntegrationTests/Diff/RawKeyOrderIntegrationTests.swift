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
        let columns = ["plate_number", "plate_colour", "vin"]
        var ministry: [[String?]] = [], province: [[String?]] = []
        for i in 0..<400 {
            let plate = "豫" + ["A", "B", "C"][i % 3] + String(i * 7919 % 100_000)
            let dirty: String? = switch i % 23 {
            case 1: plate.lowercased()
            case 2: " " + plate
            case 3: String(plate.unicodeScalars.map { $0.value >= 0x30 && $0.value <= 0x39 ? Character(Unicode.Scalar($0.value + 0xFEE0)!) : Character($0) })
            case 4: nil
            case 5: "无"
            case 6: plate + "\u{3000}"
            default: plate
            }
            if i % 41 != 7 { ministry.append([plate, "1", "LVS\(i)"]) }
            if i % 37 != 8 { province.append([dirty, i % 19 == 0 ? "１" : "1", i % 31 == 0 ? "LVX\(i)" : "lvs\(i)"]) }
        }
        ministry.append(["豫a1", "2", "DUP"]); ministry.append(["豫A1", "2", "DUP"])  // a duplicate only once normalised
        province.append(["豫A1", "2", "DUP"])
        try databases.loadMinistry("vehicles", columns: columns, rows: ministry)
        try databases.loadProvince("vehicles", columns: columns, rows: province)
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
        for (db, extra) in [(databases.ministry, ", province_code text, submitted_at timestamptz, deleted boolean DEFAULT false"),
                            (databases.province, "")] {
            try db.connect().executeSimple("""
                CREATE TABLE t_pk (id bigint PRIMARY KEY, a text, b text\(extra));
                CREATE TABLE t_null (id integer, a text\(extra));
                """)
        }
        var m: [[String?]] = [], p: [[String?]] = []
        for i in -50..<250 {
            if i % 17 != 3 { m.append([String(i * 37), "a\(i)", "b"]) }
            if i % 13 != 5 { p.append([String(i * 37), i % 11 == 0 ? "x\(i)" : "a\(i)", "b"]) }
        }
        try databases.loadMinistry("t_pk", columns: ["id", "a", "b"], rows: m)
        try databases.loadProvince("t_pk", columns: ["id", "a", "b"], rows: p)
        try databases.loadMinistry("t_null", columns: ["id", "a"], rows: [[nil, "n"], ["0", "z"], ["10", "x"], ["9", "x"], ["-1", "y"]])
        try databases.loadProvince("t_null", columns: ["id", "a"], rows: [["9", "x"], ["10", "y"], [nil, "n"], ["0", "z"]])
        let pk = RecordSetSpec(name: "t_pk", label: "整数主键", key: [FieldSpec(column: "id", label: "编号", normalisers: [])],
                               fields: [FieldSpec(column: "a", label: "甲", normalisers: []), FieldSpec(column: "b", label: "乙", normalisers: [])],
                               ministryTable: "t_pk", provinceTable: "t_pk")
        let nullable = RecordSetSpec(name: "t_null", label: "可空整数", key: [FieldSpec(column: "id", label: "编号", normalisers: [.zeroAsNull])],
                                     fields: [FieldSpec(column: "a", label: "甲", normalisers: [])],
                                     ministryTable: "t_null", provinceTable: "t_null")
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
