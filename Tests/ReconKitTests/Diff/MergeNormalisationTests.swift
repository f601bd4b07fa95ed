import Testing
@testable import ReconKit
@testable import ReconRules

@Suite("Keyed merge: normalised comparison, raw values kept")
struct MergeNormalisationTests {
    typealias F = DiffFixture

    /// docs/identifiers.md, "Dirt seen in real copies": none of these is a difference.
    @Test("noise is not reported", arguments: [
        (F.op("K1"), F.op("K1", "郑州市运输有限公司 ")),                          // surrounding space
        (F.op("K1"), F.op("K1", "郑州市运输有限公司\u{3000}")),                   // ideographic space
        (F.op("K1", "郑州（中原）运输"), F.op("K1", "郑州(中原)运输")),             // （） vs ()
        (F.op("K1", "郑州  中原 运输"), F.op("K1", "郑州 中原 运输")),             // inner spaces
        (F.op("K1"), F.op("K1", credit: "91410100ma3x00001l")),                 // lower case
        (F.op("K1"), F.op("K1", credit: "９１４１０１００ＭＡ３Ｘ００００１Ｌ")),  // full-width
        (F.op("K1"), F.op("K1", date: "20230501")),                             // YYYYMMDD
        (F.op("K1"), F.op("K1", date: "2023-5-1")),                             // unpadded
        (F.op("K1"), F.op("K1", date: "2023-05-01 00:00:00")),                  // with time
        (F.op("K1", seats: "1.50"), F.op("K1", seats: "1.5")),                  // numeric scale
        (F.op("K1", seats: ""), F.op("K1", seats: nil)),                        // '' vs NULL
        (F.op("K1", seats: " "), F.op("K1", seats: nil)),                       // blank vs NULL
    ] as [([String?], [String?])])
    func noise(pair: ([String?], [String?])) throws {
        let (counts, differences) = try F.merge(F.operators, ministry: [pair.0], province: [pair.1])
        #expect(differences.isEmpty, "reported \(differences)")
        #expect(counts.unionKeys == 1 && counts.differingKeys == 0)
    }

    @Test("real differences are reported with both raw values", arguments: [
        (F.op("K1", seats: "45"), F.op("K1", seats: "46"), "seats", "45", "46"),
        (F.op("K1", seats: "1.50"), F.op("K1", seats: "1.05"), "seats", "1.50", "1.05"),
        (F.op("K1", date: "2023-05-01"), F.op("K1", date: "20230502"), "issue_date", "2023-05-01", "20230502"),
        (F.op("K1", seats: "45"), F.op("K1", seats: nil), "seats", "45", nil),
        (F.op("K1", "郑州市运输有限公司"), F.op("K1", "鄭州市運輸有限公司"), "name", "郑州市运输有限公司", "鄭州市運輸有限公司"),
    ] as [([String?], [String?], String, String?, String?)])
    func realDifference(ministry: [String?], province: [String?], column: String, m: String?, p: String?) throws {
        let (_, differences) = try F.merge(F.operators, ministry: [ministry], province: [province])
        #expect(differences.count == 1)
        #expect(differences.first?.category == .fieldMismatch)
        #expect(differences.first?.fields.map(\.column) == [column])
        #expect(differences.first?.fields.first?.ministry == m)
        #expect(differences.first?.fields.first?.province == p)
    }

    @Test("several fields differ: all listed, in field order, noise in others ignored")
    func severalFields() throws {
        let (_, differences) = try F.merge(F.operators,
            ministry: [F.op("K1", "甲", "91410100MA3X00001L", "2023-05-01", "45")],
            province: [F.op("K1", "乙", "91410100ma3x00001l ", "2023-06-01", "45.0")])
        #expect(differences.first?.fields.map(\.column) == ["name", "issue_date"])
    }

    @Test("values bearing tabs, newlines and backslashes are unescaped, compared and kept raw")
    func escapedValues() throws {
        let (_, differences) = try F.merge(F.operators,
            ministry: [F.op("K1", "甲\t公司\\分部"), F.op("K2", "a\\b\nc")],
            province: [F.op("K1", "甲\t公司\\分部 "), F.op("K2", "a\\b\nd")])
        // K1: equal after trimming (the tab inside is not trimmed); K2: differs.
        #expect(differences.count == 1)
        #expect(differences.first?.key == ["K2"])
        #expect(differences.first?.fields == [FieldDifference(column: "name", label: "经营业户名称", ministry: "a\\b\nc", province: "a\\b\nd")])
    }

    @Test("a tab inside a value is not trimmed away as a separator would be")
    func innerTabCounts() throws {
        let (_, differences) = try F.merge(F.operators,
            ministry: [F.op("K1", "甲公司")], province: [F.op("K1", "甲\t公司")])
        #expect(differences.count == 1)
    }
}

extension DiffFixture {
    /// An operators row overriding one named field.
    static func op(_ key: String?, credit: String?) -> [String?] { op(key, "郑州市运输有限公司", credit) }
    static func op(_ key: String?, date: String?) -> [String?] { op(key, "郑州市运输有限公司", "91410100MA3X00001L", date) }
    static func op(_ key: String?, seats: String?) -> [String?] { op(key, "郑州市运输有限公司", "91410100MA3X00001L", "2023-05-01", seats) }
}
