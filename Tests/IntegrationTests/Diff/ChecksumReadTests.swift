import Testing
import PostgresClient
import ReconTestSupport
@testable import ReconKit
@testable import ReconRules

/// issue 18, "a checksum mode for databases far apart": reading only the key buckets whose
/// checksums differ gives the full read's output, difference for difference and count for count,
/// and reads nothing but checksums when the sides agree.
@Suite("Checksum read against PostgreSQL", .serialized)
struct ChecksumReadTests {
    /// A run's stored counts of a set and its differences (seq, key, category, counts, fields, rows).
    static func run(_ databases: DiffDatabases, _ sets: [RecordSetSpec], mode: ReadMode, fine: Bool = true,
                    statistics: ReadStatistics? = nil) throws -> (counts: [String], differences: [String]) {
        var options = DiffDatabases.options
        options.readMode = mode
        if fine {
            // Tiny buckets over several levels: every level's comparison and restriction is used.
            options.checksum.rowsPerBucket = 2
            options.checksum.fanOut = 4
            options.checksum.firstLevelBuckets = 4
        }
        options.statistics = statistics
        let outcome = try Reconciler(sources: databases.sources, provinceCode: "410000", provinceName: "河南省",
                                     recordSets: sets, options: options).run()
        let counts = try databases.results.connect().execute("""
            SELECT record_set, ministry_rows, province_rows, union_keys, differing_keys, ministry_only, province_only,
                   field_mismatch, duplicate_key, empty_key
            FROM recon.run_sets WHERE run_id = $1 ORDER BY record_set
            """, [String(outcome.runID)]).rows.map { row in (0..<10).map { row[$0] ?? "NULL" }.joined(separator: " ") }
        return (counts, try RawKeyOrderIntegrationTests.stored(databases, outcome.runID))
    }

    /// Vehicles with dirty keys: case, full-width, spaces, NULL, placeholders, a key that is a
    /// duplicate only once normalised, field differences, rows on one side.
    static func loadDirtyVehicles(_ databases: DiffDatabases, rows: Int = 400) throws {
        let columns = ["plate_number", "plate_colour", "vin"]
        var ministry: [[String?]] = [], province: [[String?]] = []
        for i in 0..<rows {
            let plate = "豫" + ["A", "B", "C"][i % 3] + String(i * 7919 % 100_000)
            let dirty: String? = switch i % 23 {
            case 1: plate.lowercased()
            case 2: " " + plate
            case 4: nil
            case 5: "无"
            case 6: plate + "\u{3000}"
            default: plate
            }
            if i % 41 != 7 { ministry.append([plate, "1", "LVS\(i)"]) }
            if i % 37 != 8 { province.append([dirty, i % 19 == 0 ? "１" : "1", i % 31 == 0 ? "LVX\(i)" : "lvs\(i)"]) }
        }
        ministry.append(["豫a1", "2", "DUP"]); ministry.append(["豫A1", "2", "DUP"])
        province.append(["豫A1", "2", "DUP"])
        try databases.loadMinistry("vehicles", columns: columns, rows: ministry)
        try databases.loadProvince("vehicles", columns: columns, rows: province)
    }

    @Test("dirty text keys: the checksum read stores what the full read stores, seq for seq")
    func dirtyKeys() throws {
        let databases = try DiffDatabases("cks_text")
        try Self.loadDirtyVehicles(databases)
        let full = try Self.run(databases, [.vehicles], mode: .full)
        let statistics = ReadStatistics()
        let checksum = try Self.run(databases, [.vehicles], mode: .checksum, statistics: statistics)
        let coarse = try Self.run(databases, [.vehicles], mode: .checksum, fine: false)
        #expect(full.differences.count > 30)
        #expect(checksum.differences == full.differences)
        #expect(checksum.counts == full.counts)
        #expect(coarse.differences == full.differences && coarse.counts == full.counts)
        #expect(full.differences.contains { $0.contains("duplicate_key") } && full.differences.contains { $0.contains("empty_key") })
        #expect(statistics.modes["vehicles"] == .checksum)
        #expect(statistics.checksumBytes > 0)
    }

    @Test("identical sides: only checksums cross, no row is read, the counts are the full read's")
    func identicalSides() throws {
        let databases = try DiffDatabases("cks_same")
        let rows = (0..<500).map { i -> [String?] in ["豫A\(10_000 + i)", "1", "LVS\(i)"] }
        try databases.loadMinistry("vehicles", columns: ["plate_number", "plate_colour", "vin"], rows: rows)
        try databases.loadProvince("vehicles", columns: ["plate_number", "plate_colour", "vin"], rows: rows.reversed())
        let full = try Self.run(databases, [.vehicles], mode: .full)
        let statistics = ReadStatistics()
        let checksum = try Self.run(databases, [.vehicles], mode: .checksum, statistics: statistics)
        #expect(full.differences.isEmpty)
        #expect(checksum.differences.isEmpty)
        #expect(checksum.counts == full.counts)
        #expect(checksum.counts.first?.hasPrefix("vehicles 500 500 500 0") == true)
        #expect(statistics.rows == 0, "no row read when every bucket agrees")
        #expect(statistics.bytes == statistics.checksumBytes)
        #expect(statistics.bucketsRead["vehicles"]?.read == 0)
    }

    @Test("a duplicate or empty key present identically on both sides is still a difference")
    func identicalDuplicatesAndEmptyKeys() throws {
        let databases = try DiffDatabases("cks_dup")
        var rows = (0..<200).map { i -> [String?] in ["豫A\(10_000 + i)", "1", "LVS\(i)"] }
        rows.append(["豫A10007", "1", "LVS7"])  // the same row twice, on both sides
        rows.append([nil, "1", "NOPLATE"])      // a NULL key, on both sides
        rows.append(["", "2", "EMPTY"])         // an empty key, on both sides
        try databases.loadMinistry("vehicles", columns: ["plate_number", "plate_colour", "vin"], rows: rows)
        try databases.loadProvince("vehicles", columns: ["plate_number", "plate_colour", "vin"], rows: rows)
        let full = try Self.run(databases, [.vehicles], mode: .full)
        let checksum = try Self.run(databases, [.vehicles], mode: .checksum)
        #expect(full.differences.count == 3)
        #expect(checksum.differences == full.differences)
        #expect(checksum.counts == full.counts)
    }

    @Test("integer keys with NULLs and zeroAsNull, a field typed differently on each side, several sets")
    func integerKeysAndTypes() throws {
        let databases = try DiffDatabases("cks_int")
        try databases.ministry.connect().executeSimple("""
            CREATE TABLE t_pk (id bigint PRIMARY KEY, a text, n integer, province_code text, submitted_at timestamptz, deleted boolean DEFAULT false);
            CREATE TABLE t_null (id integer, a text, province_code text, submitted_at timestamptz, deleted boolean DEFAULT false);
            """)
        try databases.province.connect().executeSimple("""
            CREATE TABLE t_pk (id bigint PRIMARY KEY, a text, n text);
            CREATE TABLE t_null (id integer, a text);
            """)
        var m: [[String?]] = [], p: [[String?]] = []
        for i in -50..<450 {
            if i % 17 != 3 { m.append([String(i * 37), "a\(i)", String(i)]) }
            if i % 13 != 5 { p.append([String(i * 37), i % 11 == 0 ? "x\(i)" : "a\(i)", i % 29 == 0 ? "0\(i)" : String(i)]) }
        }
        try databases.loadMinistry("t_pk", columns: ["id", "a", "n"], rows: m)
        try databases.loadProvince("t_pk", columns: ["id", "a", "n"], rows: p)
        try databases.loadMinistry("t_null", columns: ["id", "a"], rows: [[nil, "n"], ["0", "z"], ["10", "x"], ["9", "x"], ["-1", "y"]])
        try databases.loadProvince("t_null", columns: ["id", "a"], rows: [["9", "x"], ["10", "y"], [nil, "n"], ["0", "z"]])
        let pk = RecordSetSpec(name: "t_pk", label: "整数主键", key: [FieldSpec(column: "id", label: "编号", normalisers: [])],
                               fields: [FieldSpec(column: "a", label: "甲", normalisers: []), FieldSpec(column: "n", label: "数", normalisers: [])],
                               ministryTable: "t_pk", provinceTable: "t_pk")
        let nullable = RecordSetSpec(name: "t_null", label: "可空整数", key: [FieldSpec(column: "id", label: "编号", normalisers: [.zeroAsNull])],
                                     fields: [FieldSpec(column: "a", label: "甲", normalisers: [])],
                                     ministryTable: "t_null", provinceTable: "t_null")
        // The primary key makes every row a key of its own (no grouping); not so without an index,
        // nor where zeroAsNull could map two stored keys to one.
        let connections = (try databases.ministry.connect(), try databases.province.connect())
        #expect(try UniqueKeyCheck.keysUnique(pk, side: .ministry, on: connections.0))
        #expect(try UniqueKeyCheck.keysUnique(pk, side: .province, on: connections.1))
        #expect(try !UniqueKeyCheck.keysUnique(nullable, side: .province, on: connections.1))
        var zeroAsNull = pk
        zeroAsNull.key[0].normalisers = [.zeroAsNull]
        #expect(try !UniqueKeyCheck.keysUnique(zeroAsNull, side: .province, on: connections.1))
        #expect(try !UniqueKeyCheck.keysUnique(.vehicles, side: .province, on: connections.1), "normalised text keys may merge")
        let full = try Self.run(databases, [pk, nullable], mode: .full)
        let checksum = try Self.run(databases, [pk, nullable], mode: .checksum)
        #expect(full.differences.count > 60)
        #expect(checksum.differences == full.differences)
        #expect(checksum.counts == full.counts)
        #expect(full.differences.contains { $0.contains("\"0") }, "a field '0n' against n differs")
    }

    @Test("auto reads in full over loopback (the link is fast)")
    func autoOnLoopback() throws {
        let databases = try DiffDatabases("cks_auto")
        try Self.loadDirtyVehicles(databases, rows: 50)
        let statistics = ReadStatistics()
        let auto = try Self.run(databases, [.vehicles], mode: .auto, statistics: statistics)
        let full = try Self.run(databases, [.vehicles], mode: .full)
        #expect(statistics.modes["vehicles"] == .full)
        #expect(auto.differences == full.differences)
    }

    @Test("a failing checksum read leaves both connections usable and the run failed, nothing stored")
    func failureRollsBack() throws {
        let databases = try DiffDatabases("cks_fail")
        try Self.loadDirtyVehicles(databases, rows: 50)
        var broken = RecordSetSpec.vehicles
        broken.fields.append(FieldSpec(column: "no_such_column", label: "无此列", normalisers: []))
        var options = DiffDatabases.options
        options.readMode = .checksum
        let ministry = try databases.ministry.connect(), province = try databases.province.connect()
        #expect(throws: (any Error).self) {
            _ = try Reconciler.diff(broken, provinceCode: "410000", ministry: DiffSource(connection: ministry),
                                    province: DiffSource(connection: province), sink: DifferenceCollector(), options: options)
        }
        #expect(try ministry.execute("SELECT 1 AS one").singleRow().int("one") == 1)
        #expect(try province.execute("SELECT 1 AS one").singleRow().int("one") == 1)
    }
}
