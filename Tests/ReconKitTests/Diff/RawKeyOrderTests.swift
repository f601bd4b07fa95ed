import Testing
@testable import ReconKit
@testable import ReconRules

/// issue 18: sides read in raw-key (index) order — integer keys compared as integers, rows whose
/// key a normaliser changes moved through a side stream — give exactly the differences of the
/// keys normalised and sorted in SQL.
@Suite("Raw-key order: integer keys, Swift-side key normalisation, the side stream")
struct RawKeyOrderTests {
    typealias F = DiffFixture

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("integer key fields compare by value: sign, digits, then the digits themselves")
    func integerOrder() {
        let keys = KeyComparator(keyCount: 1, integerColumns: [true])
        let ordered = ["\\N", "-100", "-99", "-10", "-9", "-1", "0", "1", "9", "10", "99", "100", "9223372036854775807"]
        for (i, a) in ordered.enumerated() {
            for (j, b) in ordered.enumerated() {
                let order = Self.bytes(a).withUnsafeBytes { pa in Self.bytes(b).withUnsafeBytes { pb in keys.compare(pa, pb) } }
                #expect(order.signum() == (i < j ? -1 : i == j ? 0 : 1), "\(a) vs \(b)")
            }
        }
        // Text comparison would put "10" before "9"; the integer comparator does not.
        let text = KeyComparator(keyCount: 1)
        #expect(Self.bytes("10").withUnsafeBytes { a in Self.bytes("9").withUnsafeBytes { b in text.compare(a, b) } } < 0)
    }

    @Test("a merge of integer keys in numeric order: out-of-order detection and categories by value")
    func integerMerge() throws {
        let spec = RecordSetSpec(name: "t", label: "t", key: [FieldSpec(column: "id", label: "id", normalisers: [])],
                                 fields: [FieldSpec(column: "v", label: "v", normalisers: [])], ministryTable: "t", provinceTable: "t")
        var merger = KeyedMerger(recordSet: spec)
        merger.integerColumns = [true]
        let sink = DifferenceCollector()
        let m = InMemoryRowSource(lines: ["2\ta", "9\ta", "10\ta", "100\tx"], rowsPerBatch: 2)
        let p = InMemoryRowSource(lines: ["9\ta", "10\tb", "11\ta", "100\tx"], rowsPerBatch: 3)
        let counts = try merger.run(ministry: m, province: p, sink: sink)
        #expect(sink.differences.map(\.key) == [["2"], ["10"], ["11"]])
        #expect(sink.differences.map(\.category) == [.ministryOnly, .fieldMismatch, .provinceOnly])
        #expect(counts.unionKeys == 5)
        // In text order ("10" < "9") the same rows are out of order.
        #expect(throws: DiffError.self) {
            _ = try KeyedMerger(recordSet: spec).run(ministry: InMemoryRowSource(lines: ["9\ta", "10\ta"]),
                                                     province: InMemoryRowSource(lines: []), sink: DifferenceCollector())
        }
    }

    /// Values exercising every key normaliser of the reference sets.
    static let corpus: [String?] = [
        nil, "", " ", "0", "00", "0123", "A", "a", "豫A12345", "豫a12345", "豫Ａ１２３４５", " 豫A12345", "豫A12345\t",
        "豫A 12345", "豫A\u{3000}12345", "无", "NULL", "null", "n/a", "—", "——", "-", "--", "/", "暂无", "空",
        "ABCDEFG", "abcdefg", "ＡＢＣＤＥＦＧ", "（１）", "(1)", "back\\slash", "tab\tin", "line\nfeed", "1", "2",
        "㐀", "\u{F900}", "ｚ", "ＺＺＺＺＺＺＺＺ", "長い値ABC", "9999999", "0000000",
    ]

    @Test("isMoved is exactly 'a NULL column or a value its pipeline changes', for every key normaliser set")
    func movedAgreesWithPipeline() throws {
        let sets: [[FieldNormaliser]] = [
            FieldSpec.identifierNormalisers, [.fullWidth, .trim, .upper, .emptyAsNull], [.trim], [.upper], [.zeroAsNull],
            [.numericCode], [.placeholderAsNull], [.parentheses, .collapseSpaces], [],
        ]
        for normalisers in sets {
            let key = FieldSpec(column: "k", label: "k", normalisers: normalisers)
            let normaliser = KeyNormaliser(keys: [key])
            let pipeline = NormaliserPipeline(normalisers)
            for value in Self.corpus {
                let line = Self.bytes(F.line([value, "x"]))
                let moved = line.withUnsafeBytes { normaliser.isMoved($0) }
                let expected: Bool
                if let value { expected = pipeline.apply(value) != value } else { expected = true }
                #expect(moved == expected, "\(normalisers) \(String(describing: value))")
                // The normalised row holds the pipeline's value, then the other columns untouched.
                let normalised = line.withUnsafeBytes { normaliser.normalisedRow($0) }
                let want = Self.bytes(F.line([value.flatMap { pipeline.apply($0) }, "x"]))
                #expect(normalised == want, "\(normalisers) \(String(describing: value))")
            }
        }
    }

    /// Rows in the raw-key order an index gives (bytes, NULLs last), the normalised reference rows
    /// sorted as the SQL statement sorts them, and the side-stream source built from the former.
    static func sides(_ spec: RecordSetSpec, _ rows: [[String?]], rowsPerBatch: Int)
        -> (raw: SideStreamSource, reference: InMemoryRowSource) {
        let keys = KeyComparator(keyCount: spec.key.count)
        let normaliser = KeyNormaliser(keys: spec.key)
        let lines = rows.map { bytes(F.line($0)) }
        // Raw order under "C", NULLs last (what `ORDER BY k COLLATE "C"` on an index gives).
        let rawOrder = lines.sorted { a, b in
            let aNull = a.starts(with: [0x5C, 0x4E]), bNull = b.starts(with: [0x5C, 0x4E])
            if aNull != bNull { return bNull }
            return a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in keys.compare(pa, pb) < 0 } }
        }
        let moved = MovedRows()
        moved.set(lines.filter { row in row.withUnsafeBytes { normaliser.isMoved($0) } }
                       .map { row in row.withUnsafeBytes { normaliser.normalisedRow($0) } }, keys: keys)
        let normalisedSorted = lines.map { row in row.withUnsafeBytes { normaliser.normalisedRow($0) } }.sorted { a, b in
            a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in keys.compare(pa, pb) < 0 } }
        }
        let source = SideStreamSource(side: .ministry, main: InMemoryRowSource(rows: rawOrder, rowsPerBatch: rowsPerBatch),
                                      moved: moved, keys: spec.key, integerColumns: [], byteCapacity: 96, rowCapacity: 3)
        return (source, InMemoryRowSource(rows: normalisedSorted, rowsPerBatch: rowsPerBatch))
    }

    @Test("dirty keys whose normalised form sorts elsewhere: the side stream gives the reference's differences",
          arguments: [1, 2, 5, 64])
    func sideStreamEqualsReference(rowsPerBatch: Int) throws {
        var generator = SplitMix(seed: UInt64(rowsPerBatch))
        let dirty: [(String) -> String?] = [
            { $0 }, { $0.lowercased() }, { " " + $0 }, { $0 + "\u{3000}" },
            { String($0.unicodeScalars.map { $0.value >= 0x21 && $0.value <= 0x7E ? Character(Unicode.Scalar($0.value + 0xFEE0)!) : Character($0) }) },
            { _ in nil }, { _ in "" }, { _ in "无" },
        ]
        func rows(_ ministry: Bool) -> [[String?]] {
            (0..<300).compactMap { i -> [String?]? in
                if generator.next() % 13 == 0 { return nil }  // missing on this side
                let key = "豫" + ["A", "B", "Z"][i % 3] + String(i * 7919 % 1000)
                let form = generator.next() % 4 == 0 ? dirty[Int(generator.next() % UInt64(dirty.count))] : dirty[0]
                let plate = form(key)
                let colour: String? = generator.next() % 17 == 0 ? " 1" : "1"
                let vin: String = generator.next() % 29 == 0 && !ministry ? "CHANGED" : "LVS\(i)"
                // Duplicates on either side, now and then.
                return [plate, colour, vin]
            } + (ministry ? [["豫A7", "1", "X"], ["豫a7", "1", "X"]] : [["豫Z1", "2", "Y"]])
        }
        let spec = F.vehicles
        let (m, mRef) = Self.sides(spec, rows(true), rowsPerBatch: rowsPerBatch)
        let (p, pRef) = Self.sides(spec, rows(false), rowsPerBatch: rowsPerBatch)
        let got = DifferenceCollector(), want = DifferenceCollector()
        let gotCounts = try KeyedMerger(recordSet: spec).run(ministry: m, province: p, sink: got)
        let wantCounts = try KeyedMerger(recordSet: spec).run(ministry: mRef, province: pRef, sink: want)
        // Rows sharing a normalised key come in no defined order (the server's sort of equal keys
        // has none either): the rows of a difference are compared as a multiset.
        func unordered(_ differences: [Difference]) -> [Difference] {
            differences.map { difference in
                var copy = difference
                copy.rows = difference.rows.sorted { "\($0)" < "\($1)" }
                return copy
            }
        }
        #expect(unordered(got.differences) == unordered(want.differences))
        #expect(gotCounts == wantCounts)
        #expect(Set(want.differences.map(\.category)).count >= 4, "the data exercises several categories")
    }

    @Test("a moved row missing from the fetched side rows stops the merge (sideStreamMismatch)")
    func mismatchIsCaught() throws {
        let spec = F.operators
        let main = InMemoryRowSource(lines: [F.line(F.op("A")), F.line(F.op("b")), F.line(F.op("C"))])
        let source = SideStreamSource(side: .province, main: main, moved: MovedRows(), keys: spec.key, integerColumns: [])
        #expect(throws: DiffError.sideStreamMismatch(side: .province, fetched: 0, skipped: 1)) {
            _ = try KeyedMerger(recordSet: spec).run(ministry: InMemoryRowSource(lines: []), province: source, sink: DifferenceCollector())
        }
    }

    @Test("the statements: raw keys ordered as the index, moved rows selected by NULL or a changing value")
    func statements() throws {
        let query = try DiffQuery(RecordSetSpec.vehicles)
        let main = try query.rawCopy(.ministry, provinceCode: "410000", integerColumns: [false, false])
        #expect(main.hasSuffix("ORDER BY \"plate_number\" COLLATE \"C\", \"plate_colour\" COLLATE \"C\") TO STDOUT"))
        #expect(main.contains("SELECT \"plate_number\", \"plate_colour\", \"vehicle_id\""))
        let moved = try #require(try query.movedCopy(.province, provinceCode: "410000", notNull: [false, true]))
        #expect(moved.contains("\"plate_number\" IS NULL OR"))
        #expect(!moved.contains("\"plate_colour\" IS NULL"))
        let plain = RecordSetSpec(name: "t", label: "t", key: [FieldSpec(column: "id", label: "id", normalisers: [])],
                                  fields: [], ministryTable: "t", provinceTable: "t")
        #expect(try DiffQuery(plain).movedCopy(.province, provinceCode: "1", notNull: [true]) == nil)
        #expect(try DiffQuery(plain).rawCopy(.province, provinceCode: "1", integerColumns: [true])
                == "COPY (SELECT \"id\" FROM \"t\"  ORDER BY \"id\") TO STDOUT")
    }
}

/// A small deterministic generator for the tests' data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
