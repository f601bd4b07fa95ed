import PostgresClient
@testable import ReconKit
@testable import ReconRules

/// Data shared by the tests that compare two readings of the same rows (raw-key order, SQL keys,
/// checksums): each must give the same differences on it.
extension DiffDatabases {
    /// Vehicles with dirty keys on the province side — case, a leading space, full-width digits,
    /// NULL, a placeholder, a trailing U+3000 — rows on one side only, field differences, and a
    /// ministry key that is a duplicate only once normalised.
    func loadDirtyVehicles(rows: Int = 400) throws {
        let columns = ["plate_number", "plate_colour", "vin"]
        var ministry: [[String?]] = [], province: [[String?]] = []
        for i in 0..<rows {
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
        ministry.append(["豫a1", "2", "DUP"]); ministry.append(["豫A1", "2", "DUP"])
        province.append(["豫A1", "2", "DUP"])
        try loadMinistry("vehicles", columns: columns, rows: ministry)
        try loadProvince("vehicles", columns: columns, rows: province)
    }

    /// Two integer-keyed sets: `t_pk` (bigint primary key; field `a` differs now and then, field
    /// `n` is an integer at the ministry and text at the province, `0…` padded now and then) and
    /// `t_null` (a nullable integer key with `zeroAsNull`: NULL and 0 share the empty key).
    func loadIntegerKeyTables() throws -> (pk: RecordSetSpec, nullable: RecordSetSpec) {
        try ministry.connect().executeSimple("""
            CREATE TABLE t_pk (id bigint PRIMARY KEY, a text, n integer, province_code text, submitted_at timestamptz, deleted boolean DEFAULT false);
            CREATE TABLE t_null (id integer, a text, province_code text, submitted_at timestamptz, deleted boolean DEFAULT false);
            """)
        try province.connect().executeSimple("""
            CREATE TABLE t_pk (id bigint PRIMARY KEY, a text, n text);
            CREATE TABLE t_null (id integer, a text);
            """)
        var m: [[String?]] = [], p: [[String?]] = []
        for i in -50..<450 {
            if i % 17 != 3 { m.append([String(i * 37), "a\(i)", String(i)]) }
            if i % 13 != 5 { p.append([String(i * 37), i % 11 == 0 ? "x\(i)" : "a\(i)", i % 29 == 0 ? "0\(i)" : String(i)]) }
        }
        try loadMinistry("t_pk", columns: ["id", "a", "n"], rows: m)
        try loadProvince("t_pk", columns: ["id", "a", "n"], rows: p)
        try loadMinistry("t_null", columns: ["id", "a"], rows: [[nil, "n"], ["0", "z"], ["10", "x"], ["9", "x"], ["-1", "y"]])
        try loadProvince("t_null", columns: ["id", "a"], rows: [["9", "x"], ["10", "y"], [nil, "n"], ["0", "z"]])
        let pk = RecordSetSpec(name: "t_pk", label: "整数主键", key: [FieldSpec(column: "id", label: "编号", normalisers: [])],
                               fields: [FieldSpec(column: "a", label: "甲", normalisers: []), FieldSpec(column: "n", label: "数", normalisers: [])],
                               ministryTable: "t_pk", provinceTable: "t_pk")
        let nullable = RecordSetSpec(name: "t_null", label: "可空整数", key: [FieldSpec(column: "id", label: "编号", normalisers: [.zeroAsNull])],
                                     fields: [FieldSpec(column: "a", label: "甲", normalisers: [])],
                                     ministryTable: "t_null", provinceTable: "t_null")
        return (pk, nullable)
    }
}
