import Testing
@testable import ReconKit
@testable import ReconRules

/// issue 25 case 12: "Rows inside a duplicate or empty-key item have a fixed order (the 第i/n条
/// numbering must not change between runs)" — the same rows read in another physical order give
/// the same rows in the same order, and past the 50 kept the same 50.
@Suite("Rows of a duplicate or empty-key item: fixed order")
struct ItemRowOrderTests {
    typealias F = DiffFixture

    /// The rows of each difference as (side, name) lists.
    func rowNames(_ differences: [Difference]) -> [[String]] {
        differences.map { $0.rows.map { $0.side + ":" + ($0.values.first?.value ?? "NULL") } }
    }

    @Test("a duplicate and an empty-key item list their rows alike whatever the read order", arguments: [1, 2, 3, 7])
    func sameOrder(seed: UInt64) throws {
        let duplicates = ["丙公司", "甲公司", "乙公司", nil, "丁公司"].map { F.op("A1", $0) }
        let empties = ["辛公司", "壬公司"].map { F.op(nil, $0) } + ["戊公司", "己公司", "庚公司"].map { F.op("", $0) }
        var generator = RowOrderShuffler(seed: seed)
        // Within a key group the physical order is the database's business: shuffle inside groups.
        func shuffledGroups(_ rows: [[String?]]) -> [[String?]] {
            Dictionary(grouping: rows.indices, by: { rows[$0][0] ?? "\u{0}NULL" })
                .sorted { (rows[$0.value[0]][0] == nil ? 0 : 1, rows[$0.value[0]][0] ?? "") < (rows[$1.value[0]][0] == nil ? 0 : 1, rows[$1.value[0]][0] ?? "") }
                .flatMap { $0.value.shuffled(using: &generator).map { rows[$0] } }
        }
        let ministry = empties + duplicates
        let province = [F.op("A1", "甲公司"), F.op("A1", "戊公司")]
        let (_, first) = try F.merge(F.operators, ministry: ministry, province: province)
        let (_, again) = try F.merge(F.operators, ministry: shuffledGroups(ministry), province: shuffledGroups(Array(province.reversed())))
        #expect(first.map(\.category) == [.emptyKey, .emptyKey, .duplicateKey])
        #expect(rowNames(again) == rowNames(first))
        // The fixed order is the stored values' byte order (NULL, written \N, sorts before text).
        #expect(rowNames(first)[2] == ["ministry:NULL", "ministry:\u{4E01}公司", "ministry:\u{4E19}公司", "ministry:\u{4E59}公司",
                                        "ministry:\u{7532}公司", "province:\u{620A}公司", "province:\u{7532}公司"])
    }

    @Test("past the 50 kept rows the same 50 are kept whatever the read order")
    func sameKeptRows() throws {
        let rows = (0..<80).map { F.op("B1", "公司\(1000 + $0)") }
        var generator = RowOrderShuffler(seed: 42)
        let (_, first) = try F.merge(F.operators, ministry: rows, province: [])
        let (_, again) = try F.merge(F.operators, ministry: rows.shuffled(using: &generator), province: [])
        #expect(first.first?.ministryCount == 80 && first.first?.rows.count == DifferenceRow.keptPerSide)
        #expect(rowNames(again) == rowNames(first))
        #expect(rowNames(first)[0].first == "ministry:公司1000" && rowNames(first)[0].last == "ministry:公司1049")
    }
}

/// A small deterministic generator (xorshift), so a failing order can be replayed.
struct RowOrderShuffler: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    mutating func next() -> UInt64 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return state
    }
}
