import Testing
@testable import ReconKit
@testable import ReconRules

@Suite("Keyed merge: byte order and order verification")
struct MergeOrderTests {
    typealias F = DiffFixture

    @Test("out-of-order rows on either side stop the merge, naming side, row and keys", arguments: [1, 2, 3])
    func outOfOrder(rowsPerBatch: Int) throws {
        let sorted = [F.op("A"), F.op("B"), F.op("C")]
        let unsorted = [F.op("A"), F.op("C"), F.op("B")]
        #expect(throws: DiffError.outOfOrder(side: .ministry, row: 3, previousKey: "\"C\"", key: "\"B\"")) {
            _ = try F.merge(F.operators, ministry: unsorted, province: sorted, rowsPerBatch: rowsPerBatch)
        }
        #expect(throws: DiffError.outOfOrder(side: .province, row: 3, previousKey: "\"C\"", key: "\"B\"")) {
            _ = try F.merge(F.operators, ministry: sorted, province: unsorted, rowsPerBatch: rowsPerBatch)
        }
    }

    @Test("disorder is caught even on a side whose keys the other side never reaches")
    func disorderAtTheTail() throws {
        #expect(throws: DiffError.self) {
            _ = try F.merge(F.operators, ministry: [F.op("A")], province: [F.op("X"), F.op("Z"), F.op("Y")])
        }
    }

    @Test("NULL keys sort first: a NULL after a value is out of order")
    func nullsFirst() throws {
        _ = try F.merge(F.operators, ministry: [F.op(nil), F.op(""), F.op("A")], province: [])
        #expect(throws: DiffError.outOfOrder(side: .province, row: 2, previousKey: "\"A\"", key: "NULL")) {
            _ = try F.merge(F.operators, ministry: [], province: [F.op("A"), F.op(nil)])
        }
    }

    @Test("multi-byte UTF-8 keys compare by bytes (code points), not by a Chinese collation")
    func utf8ByteOrder() throws {
        // Code point order: Z (5A) < ¢ (C2 A2) < 豫 (U+8C6B) < 鄂 (U+9102) < 𠀀 (F0 A0 80 80).
        let keys = ["Z", "¢", "豫A", "鄂A", "𠀀"]
        let (counts, differences) = try F.merge(F.operators, ministry: keys.map { F.op($0) }, province: keys.map { F.op($0) })
        #expect(differences.isEmpty && counts.unionKeys == 5)
        // Pinyin order (鄂 è before 豫 yù), as a zh-CN collation would sort, is refused.
        #expect(throws: DiffError.outOfOrder(side: .ministry, row: 2, previousKey: "\"鄂A\"", key: "\"豫A\"")) {
            _ = try F.merge(F.operators, ministry: [F.op("鄂A"), F.op("豫A")], province: [])
        }
    }

    @Test("a shorter key sorts before its extensions")
    func prefixOrder() throws {
        let (_, differences) = try F.merge(F.operators, ministry: [F.op("A"), F.op("AB")], province: [F.op("AB")])
        #expect(differences.map(\.key) == [["A"]])
        #expect(throws: DiffError.self) { _ = try F.merge(F.operators, ministry: [F.op("AB"), F.op("A")], province: []) }
    }

    @Test("escaped key bytes compare unescaped: a tab (09) sorts before B (42) though its escape \\t starts with 5C")
    func escapedKeyOrder() throws {
        let keys = ["A\t", "AB", "A\\"]   // bytes 41 09 < 41 42 < 41 5C
        let (counts, differences) = try F.merge(F.operators, ministry: keys.map { F.op($0) }, province: [F.op("AB")])
        #expect(counts.unionKeys == 3)
        #expect(differences.map(\.key) == [["A\t"], ["A\\"]])
    }

    @Test("multi-column keys compare column by column", arguments: [1, 2])
    func multiColumn(rowsPerBatch: Int) throws {
        // ("A", "9") < ("A\u{1}", "1"): the first column decides, shorter first, although the joined
        // text "A\t9" would sort after "A\u{1}\t1".
        let ministry: [[String?]] = [["A", "9", "V1"], ["A\u{1}", "1", "V2"], ["豫A12345", "1", "V3"], ["豫A12345", "2", "V4"]]
        let province: [[String?]] = [["A", "9", "V1"], ["豫A12345", "2", "V4x"], ["豫A12345", "5", "V5"]]
        let (counts, differences) = try F.merge(F.vehicles, ministry: ministry, province: province, rowsPerBatch: rowsPerBatch)
        #expect(differences.map(\.key) == [["A\u{1}", "1"], ["豫A12345", "1"], ["豫A12345", "2"], ["豫A12345", "5"]])
        #expect(differences.map(\.category) == [.ministryOnly, .ministryOnly, .fieldMismatch, .provinceOnly])
        #expect(counts.unionKeys == 5)
        #expect(differences[2].fields.first?.ministry == "V4")
        #expect(throws: DiffError.self) {
            _ = try F.merge(F.vehicles, ministry: [["豫A12345", "2", "V"], ["豫A12345", "1", "V"]], province: [])
        }
    }

    @Test("a multi-column key with one NULL column is an empty key, and NULL sorts first within the column")
    func multiColumnNull() throws {
        let (_, differences) = try F.merge(F.vehicles,
            ministry: [["豫A12345", nil, "V"], ["豫A12345", "1", "V"]], province: [["豫A12345", "1", "V"]])
        #expect(differences.map(\.category) == [.emptyKey])
        #expect(differences.first?.key == ["豫A12345", nil])
    }
}
