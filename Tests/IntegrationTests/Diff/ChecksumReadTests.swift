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

    @Test("dirty text keys: the checksum read stores what the full read stores, seq for seq")
    func dirtyKeys() throws {
        let databases = try DiffDatabases("cks_text")
        try databases.loadDirtyVehicles()
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
        let (pk, nullable) = try databases.loadIntegerKeyTables()
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
        try databases.loadDirtyVehicles(rows: 50)
        let statistics = ReadStatistics()
        let auto = try Self.run(databases, [.vehicles], mode: .auto, statistics: statistics)
        let full = try Self.run(databases, [.vehicles], mode: .full)
        #expect(statistics.modes["vehicles"] == .full)
        #expect(auto.differences == full.differences)
    }

    @Test("a failing checksum read leaves both connections usable and the run failed, nothing stored")
    func failureRollsBack() throws {
        let databases = try DiffDatabases("cks_fail")
        try databases.loadDirtyVehicles(rows: 50)
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
