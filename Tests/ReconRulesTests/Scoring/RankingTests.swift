import Testing
@testable import ReconRules

@Suite("Ranking of a published quarter")
struct RankingTests {
    @Test func equalSubtotalsShareARankAndTheNextSkips() {
        let ranked = Ranking.rank([("420000", 1200), ("410000", 1237), ("440000", 1200), ("430000", 900)])
        #expect(ranked.map(\.provinceCode) == ["410000", "420000", "440000", "430000"])
        #expect(ranked.map(\.rank) == [1, 2, 2, 4])
    }

    @Test func emptyAndSingle() {
        #expect(Ranking.rank([]).isEmpty)
        #expect(Ranking.rank([("410000", 0)]).map(\.rank) == [1])
    }
}
