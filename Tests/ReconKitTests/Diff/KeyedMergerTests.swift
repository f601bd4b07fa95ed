import Testing
@testable import ReconKit
@testable import ReconRules

@Suite("Keyed merge: categories and counts")
struct KeyedMergerTests {
    typealias F = DiffFixture

    @Test("identical sides give no differences", arguments: [1, 2, 3, 100])
    func identical(rowsPerBatch: Int) throws {
        let rows = (1...7).map { F.op("41010000000\($0)") }
        let (counts, differences) = try F.merge(F.operators, ministry: rows, province: rows, rowsPerBatch: rowsPerBatch)
        #expect(differences.isEmpty)
        #expect(counts.unionKeys == 7)
        #expect(counts.differingKeys == 0)
        #expect(counts.ministryRows == 7 && counts.provinceRows == 7)
    }

    @Test("every category, one key each, in key order", arguments: [1, 2, 3, 100])
    func everyCategory(rowsPerBatch: Int) throws {
        let ministry: [[String?]] = [
            F.op(nil),                                    // empty key (NULL)
            F.op("410100000001"),                         // same on both
            F.op("410100000002"),                         // ministry only
            F.op("410100000004", "甲公司"),                // field mismatch (name)
            F.op("410100000005"), F.op("410100000005"),   // duplicate at the ministry
            F.op("410100000006"),                         // same
        ]
        let province: [[String?]] = [
            F.op("410100000001"),
            F.op("410100000003"),                         // province only
            F.op("410100000004", "乙公司"),
            F.op("410100000005"),
            F.op("410100000006"),
        ]
        let (counts, differences) = try F.merge(F.operators, ministry: ministry, province: province, rowsPerBatch: rowsPerBatch)
        #expect(differences.map(\.category) == [.emptyKey, .ministryOnly, .provinceOnly, .fieldMismatch, .duplicateKey])
        #expect(differences.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(differences.map(\.key) == [[nil], ["410100000002"], ["410100000003"], ["410100000004"], ["410100000005"]])
        #expect(differences[0].ministryCount == 1 && differences[0].provinceCount == 0)
        #expect(differences[1].ministryCount == 1 && differences[1].provinceCount == 0)
        #expect(differences[2].ministryCount == 0 && differences[2].provinceCount == 1)
        #expect(differences[4].ministryCount == 2 && differences[4].provinceCount == 1)
        #expect(differences[3].fields == [FieldDifference(column: "name", label: "经营业户名称", ministry: "甲公司", province: "乙公司")])
        #expect(differences.filter { $0.category != .fieldMismatch }.allSatisfy { $0.fields.isEmpty })
        // Union: NULL, 1, 2, 3, 4, 5, 6 = 7 keys; 5 differ, each once.
        #expect(counts.unionKeys == 7)
        #expect(counts.differingKeys == 5)
        #expect(counts.ministryRows == 7 && counts.provinceRows == 5)
        for category in DiffCategory.allCases { #expect(counts[category] == 1) }
        #expect(counts.rate == DiffRate(differing: 5, union: 7))
    }

    @Test("precedence: empty key over duplicate, duplicate over one-sided and field mismatch")
    func precedence() throws {
        let ministry: [[String?]] = [
            F.op(""), F.op(""),                                   // empty and duplicated → empty_key
            F.op("A1"), F.op("A1"),                               // duplicated, absent at the province → duplicate_key
            F.op("A2", "甲"),                                      // duplicated at the province, fields differ → duplicate_key
        ]
        let province: [[String?]] = [
            F.op(nil),                                            // another empty key (NULL ≠ '')
            F.op("A2", "乙"), F.op("A2", "丙"), F.op("A2", "丁"),
        ]
        let (counts, differences) = try F.merge(F.operators, ministry: ministry, province: province)
        #expect(differences.map(\.category) == [.emptyKey, .emptyKey, .duplicateKey, .duplicateKey])
        #expect(differences.map(\.key) == [[nil], [""], ["A1"], ["A2"]])
        #expect(differences[0].ministryCount == 0 && differences[0].provinceCount == 1)
        #expect(differences[1].ministryCount == 2 && differences[1].provinceCount == 0)
        #expect(differences[2].ministryCount == 2 && differences[2].provinceCount == 0)
        #expect(differences[3].ministryCount == 1 && differences[3].provinceCount == 3)
        #expect(counts.unionKeys == 4 && counts.differingKeys == 4)
        #expect(counts.emptyKey == 2 && counts.duplicateKey == 2 && counts.ministryOnly == 0 && counts.provinceOnly == 0)
    }

    @Test("a duplicate group spanning batch boundaries is one key", arguments: [1, 2, 3])
    func duplicatesAcrossBatches(rowsPerBatch: Int) throws {
        let ministry = [F.op("B0")] + Array(repeating: F.op("B1"), count: 5) + [F.op("B2")]
        let province = [F.op("B0"), F.op("B1"), F.op("B2")]
        let (counts, differences) = try F.merge(F.operators, ministry: ministry, province: province, rowsPerBatch: rowsPerBatch)
        #expect(differences.count == 1)
        #expect(differences.first?.category == .duplicateKey)
        #expect(differences.first?.ministryCount == 5)
        #expect(counts.unionKeys == 3 && counts.ministryRows == 7)
    }

    @Test("one side empty: everything is one-sided")
    func oneSideEmpty() throws {
        let rows = [F.op("C1"), F.op("C2")]
        let (counts, differences) = try F.merge(F.operators, ministry: rows, province: [])
        #expect(differences.map(\.category) == [.ministryOnly, .ministryOnly])
        #expect(counts.unionKeys == 2 && counts.provinceRows == 0)
        let (counts2, differences2) = try F.merge(F.operators, ministry: [], province: rows)
        #expect(differences2.map(\.category) == [.provinceOnly, .provinceOnly])
        #expect(counts2.unionKeys == 2)
        let (counts3, differences3) = try F.merge(F.operators, ministry: [], province: [])
        #expect(differences3.isEmpty && counts3.unionKeys == 0)
    }

    @Test("a difference's key text shows NULL as (空) and joins columns with /")
    func keyText() {
        let difference = Difference(seq: 1, key: ["豫A12345", nil], category: .emptyKey, ministryCount: 1, provinceCount: 0)
        #expect(difference.keyText == "豫A12345 / (空)")
    }
}

/// docs/rules.md, "What counts as a difference": a differing value that is not valid UTF-8 stops
/// the run with a message naming the record set, side, table, key and column — never an altered
/// value in a list.
@Suite("Keyed merge: bytes that are not UTF-8")
struct InvalidBytesTests {
    typealias F = DiffFixture

    static func row(_ values: [String?], replacing column: Int, with bytes: [UInt8]) -> [UInt8] {
        var parts = values.map { value -> [UInt8] in Array(F.line([value]).utf8) }
        parts[column] = bytes
        return Array(parts.joined(separator: [0x09]))
    }

    @Test func anInvalidFieldValueIsNamed() throws {
        let ministry = [Array(F.line(F.op("410100000001", "甲公司")).utf8)]
        let province = [Self.row(F.op("410100000001"), replacing: 1, with: [0x41, 0xFF, 0x42])]
        let error = try #require(throws: DiffError.self) {
            try KeyedMerger(recordSet: F.operators).run(ministry: InMemoryRowSource(rows: ministry), province: InMemoryRowSource(rows: province),
                                                        sink: DifferenceCollector())
        }
        let text = error.description
        #expect(text.contains("record set operators") && text.contains("province (省) table operators"), "\(text)")
        #expect(text.contains("key 410100000001,") && text.contains("column name") && text.contains("41 ff 42"), "\(text)")
        #expect(text.contains("the first invalid byte is at offset 1"), "\(text)")
    }

    /// issue 25 case 12: a one-sided row's values are shown in the list (记录内容); one that is not
    /// UTF-8 was shown altered (U+FFFD). Now the run stops, naming table, key, column, bytes and offset.
    @Test func anInvalidValueOfAOneSidedRowIsNamed() throws {
        let bad: [UInt8] = [0xE6, 0xB2, 0xB3, 0xFF, 0x20, 0xFE]
        for (ministry, province) in [([Self.row(F.op("K /"), replacing: 2, with: bad)], [[UInt8]]()),
                                     ([], [Self.row(F.op("K /"), replacing: 2, with: bad)])] {
            let error = try #require(throws: DiffError.self) {
                try KeyedMerger(recordSet: F.operators).run(ministry: InMemoryRowSource(rows: ministry),
                                                            province: InMemoryRowSource(rows: province), sink: DifferenceCollector())
            }
            let text = error.description
            #expect(text.contains("record set operators") && text.contains("table operators"), "\(text)")
            #expect(text.contains("key \"K /\", column credit_code"), "\(text)")
            #expect(text.contains("e6 b2 b3 ff 20 fe (6 bytes; the first invalid byte is at offset 3"), "\(text)")
        }
        // In a duplicate group too.
        let duplicate = [Self.row(F.op("D1"), replacing: 1, with: bad), Array(F.line(F.op("D1")).utf8)]
        let error = try #require(throws: DiffError.self) {
            try KeyedMerger(recordSet: F.operators).run(ministry: InMemoryRowSource(rows: []),
                                                        province: InMemoryRowSource(rows: duplicate), sink: DifferenceCollector())
        }
        #expect(error.description.contains("key D1, column name"), "\(error)")
    }

    @Test("the offset of the first invalid byte", arguments: [
        ([0xE6, 0xB2, 0xB3, 0xFF, 0x20, 0xFE], 3), ([0x41, 0xC3], 2), ([0xC0, 0x80], 0), ([0xED, 0xA0, 0x80], 1),
        ([0xF4, 0x90, 0x80, 0x80], 1), ([0xE6, 0xB2, 0xB3], nil), ([0xF0, 0x9F, 0x98, 0x80, 0x80], 4),
    ] as [([UInt8], Int?)])
    func invalidOffset(bytes: [UInt8], offset: Int?) {
        #expect(InvalidBytes.firstInvalidOffset(bytes) == offset)
        #expect((String(validating: bytes, as: UTF8.self) == nil) == (offset != nil))
    }

    @Test func anInvalidKeyIsNamed() throws {
        let province = [Self.row(F.op("x"), replacing: 0, with: [0x34, 0xC3])]
        let error = try #require(throws: DiffError.self) {
            try KeyedMerger(recordSet: F.operators).run(ministry: InMemoryRowSource(rows: []), province: InMemoryRowSource(rows: province),
                                                        sink: DifferenceCollector())
        }
        #expect(error.description.contains("province (省) table operators") && error.description.contains("column licence_no"), "\(error)")
    }

    @Test func identicalInvalidBytesOnBothSidesAreNoDifference() throws {
        let same = Self.row(F.op("410100000001"), replacing: 1, with: [0x41, 0xFF])
        let (counts, differences) = try { () throws -> (DiffCounts, [Difference]) in
            let sink = DifferenceCollector()
            let counts = try KeyedMerger(recordSet: F.operators).run(ministry: InMemoryRowSource(rows: [same]),
                                                                     province: InMemoryRowSource(rows: [same]), sink: sink)
            return (counts, sink.differences)
        }()
        #expect(differences.isEmpty && counts.unionKeys == 1)
    }
}
