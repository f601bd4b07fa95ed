import Testing
import PostgresClient
import ReconTestSupport
@testable import ReconKit
@testable import ReconRules
@testable import ReconSample

/// A small hand-built ministry/province pair with known differences and the noise of real copies
/// (docs/identifiers.md, "Dirt seen in real copies"), reconciled and stored.
@Suite("Reconcile end to end")
struct ReconcileEndToEndTests {
    static let columns = ["plate_number", "plate_colour", "vin", "length_mm", "seats", "total_mass_kg", "region_code",
                          "transport_cert_word", "issue_date", "issuer_name"]

    /// A vehicles row over `columns`.
    static func v(_ plate: String?, _ colour: String?, vin: String? = "LVSHCAMB1CE000001", length: String? = "12000",
                  seats: String? = "45", mass: String? = "18000", region: String? = "410100",
                  word: String? = "豫交运管郑字", date: String? = "2023-05-01",
                  issuer: String? = "郑州市（中原）运输管理局") -> [String?] {
        [plate, colour, vin, length, seats, mass, region, word, date, issuer]
    }

    static let ministryRows: [[String?]] = [
        v("豫A10001", "2"),
        v("豫A10002", "2"),
        v("豫A10003", "1"),
        v("豫A10004", "2"), v("豫A10004", "2", vin: "LVSHCAMB1CE000009"),
        v(nil, "2"),
        v("豫A10007", "2", word: "C:\\运管\\a"),
        v("豫A10008", "2", seats: "", mass: "1.50", region: "410100", word: "豫交运管郑字", issuer: "郑州\t运管\\处"),
    ]
    static let provinceRows: [[String?]] = [
        // Noise only: key case/width/spaces, VIN case and spaces, 12000.0, YYYYMMDD, () — equal.
        v(" 豫a10001 ", "２", vin: " lvshcamb1ce000001", length: "12000.0", date: "20230501", issuer: "郑州市(中原)运输管理局"),
        v("豫A10003", "1", vin: "LVSHCAMB1CE000003"),
        v("豫A10004", "2"),
        v("豫A10005", "2"),
        v("", "1"),
        v("豫A10007", "2", word: "C:\\运管\\b"),
        v("豫A10008", "2", seats: nil, mass: "1.5", region: "４１０１００", word: "豫交运管郑字\u{3000}", issuer: "郑州\t运管\\处"),
    ]

    func loadVehicles(_ dbs: DiffDatabases) throws {
        try dbs.loadMinistry("vehicles", columns: Self.columns, rows: Self.ministryRows)
        // Another province's row and a deleted row: not this province's live data.
        try dbs.loadMinistry("vehicles", columns: Self.columns, rows: [Self.v("鄂A20001", "2")], provinceCode: "420000")
        try dbs.loadMinistry("vehicles", columns: Self.columns, rows: [Self.v("豫A10006", "2")])
        try dbs.ministry.connect().execute("UPDATE vehicles SET deleted = true WHERE plate_number = '豫A10006'")
        try dbs.loadProvince("vehicles", columns: Self.columns, rows: Self.provinceRows)
    }

    @Test("known differences found, noise ignored, run stored in one piece")
    func endToEnd() throws {
        let dbs = try DiffDatabases("e2e")
        try loadVehicles(dbs)
        let outcome = try Reconciler(sources: dbs.sources, provinceCode: "410000", provinceName: "河南省",
                                     recordSets: [.vehicles, .operators], options: DiffDatabases.options).run()
        let vehicles = try #require(outcome.sets.first)
        #expect(vehicles.counts.ministryRows == 8)
        #expect(vehicles.counts.provinceRows == 7)
        // Keys: (NULL,1) (NULL,2) 10001 10002 10003 10004 10005 10007 10008.
        #expect(vehicles.counts.unionKeys == 9)
        #expect(vehicles.counts.differingKeys == 7)
        #expect(vehicles.counts.emptyKey == 2 && vehicles.counts.ministryOnly == 1 && vehicles.counts.provinceOnly == 1)
        #expect(vehicles.counts.duplicateKey == 1 && vehicles.counts.fieldMismatch == 2)
        #expect(outcome.sets[1].counts == DiffCounts())
        #expect(outcome.rate == DiffRate(differing: 7, union: 9))

        let stored = try dbs.storedDifferences(runID: outcome.runID, recordSet: "vehicles")
        #expect(stored.map(\.0) == ["(空) / 1", "(空) / 2", "豫A10002 / 2", "豫A10003 / 1", "豫A10004 / 2",
                                    "豫A10005 / 2", "豫A10007 / 2"])
        #expect(stored.map(\.1) == ["empty_key", "empty_key", "ministry_only", "field_mismatch", "duplicate_key",
                                    "province_only", "field_mismatch"])
        #expect(stored.map(\.2) == [0, 1, 1, 1, 2, 0, 1])
        #expect(stored.map(\.3) == [1, 0, 0, 1, 1, 1, 1])

        let results = try dbs.results.connect()
        let vin = try results.execute("""
            SELECT fields->0->>'column' AS c, fields->0->>'label' AS l, fields->0->>'ministry' AS m,
                   fields->0->>'province' AS p, jsonb_array_length(fields) AS n, key_values::text AS kv
            FROM recon.differences WHERE run_id = $1 AND key_text = '豫A10003 / 1'
            """, [String(outcome.runID)]).singleRow()
        #expect(vin["c"] == "vin" && vin["l"] == "车辆识别代号(VIN)" && vin["n"] == "1")
        #expect(vin["m"] == "LVSHCAMB1CE000001" && vin["p"] == "LVSHCAMB1CE000003")
        #expect(vin["kv"] == "{\"plate_colour\": \"1\", \"plate_number\": \"豫A10003\"}")
        let backslash = try results.execute("""
            SELECT fields->0->>'ministry' AS m, fields->0->>'province' AS p FROM recon.differences
            WHERE run_id = $1 AND key_text = '豫A10007 / 2'
            """, [String(outcome.runID)]).singleRow()
        #expect(backslash["m"] == "C:\\运管\\a" && backslash["p"] == "C:\\运管\\b")
        let nullKey = try results.execute("""
            SELECT key_values->>'plate_number' IS NULL AS n FROM recon.differences WHERE run_id = $1 AND seq = 1
            """, [String(outcome.runID)]).singleRow()
        #expect(nullKey["n"] == "t")

        let run = try results.execute("""
            SELECT status, union_keys, differing_keys, record_sets::text AS sets, finished_at IS NOT NULL AS done,
                   config_hash, province_code
            FROM recon.runs WHERE id = $1
            """, [String(outcome.runID)]).singleRow()
        #expect(run["status"] == "completed" && run["union_keys"] == "9" && run["differing_keys"] == "7")
        #expect(run["sets"] == "{vehicles,operators}" && run["done"] == "t" && run["province_code"] == "410000")
        #expect(run["config_hash"] == RecordSetSpec.fingerprint([.vehicles, .operators]))
        let sets = try results.execute("""
            SELECT record_set, label, ministry_rows, province_rows, union_keys, differing_keys, ministry_only,
                   province_only, field_mismatch, duplicate_key, empty_key
            FROM recon.run_sets WHERE run_id = $1 ORDER BY record_set DESC
            """, [String(outcome.runID)]).rows
        #expect(sets.map { $0.values } == [
            ["vehicles", "营运车辆", "8", "7", "9", "7", "1", "1", "2", "1", "2"],
            ["operators", "经营业户", "0", "0", "0", "0", "0", "0", "0", "0", "0"],
        ])
        let province = try results.execute("SELECT name FROM recon.provinces WHERE code = '410000'").singleRow()
        #expect(province["name"] == "河南省")
    }

    @Test("a province database whose default collation is zh-CN (ICU) still merges in byte order")
    func nonCCollation() throws {
        let dbs = try DiffDatabases("coll", provinceOptions: "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'zh-CN'",
                                    ministryOptions: "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'zh-CN'")
        // Pinyin order (鄂 京 沪 豫 粤) differs from byte order (京 沪 粤 豫 鄂); mixed case too.
        let plates = ["鄂A00001", "京A00001", "沪A00001", "豫A00001", "粤B00001", "豫a00002", "豫B00003", "京A00002"]
        try dbs.loadMinistry("vehicles", columns: Self.columns, rows: plates.dropLast().map { Self.v($0, "2") })
        try dbs.loadProvince("vehicles", columns: Self.columns,
                             rows: plates.dropFirst().map { Self.v($0, "2", vin: $0 == "沪A00001" ? "X" : "LVSHCAMB1CE000001") })
        let sink = DifferenceCollector()
        let counts = try Reconciler.diff(.vehicles, provinceCode: "410000",
                                         ministry: DiffSource(connection: try dbs.ministry.connect()),
                                         province: DiffSource(connection: try dbs.province.connect()),
                                         sink: sink, options: DiffDatabases.options)
        #expect(counts.unionKeys == 8)
        #expect(sink.differences.map(\.keyText) == ["京A00002 / 2", "沪A00001 / 2", "鄂A00001 / 2"])
        #expect(sink.differences.map(\.category) == [.provinceOnly, .fieldMismatch, .ministryOnly])
    }
}
