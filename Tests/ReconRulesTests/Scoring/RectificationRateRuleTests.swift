import Testing
@testable import ReconRules

@Suite("Indicator 11 对账整改率")
struct RectificationRateRuleTests {
    /// docs/rules.md: "97.5% → 4.625 → 4.63 (see rounding); 95% → 4.00; 90% → 1.50; 87% → 0.00".
    @Test("worked examples of docs/rules.md", arguments: [
        ("97.5%", 37, 8, "4.63"), ("95%", 4, 1, "4.00"), ("90%", 3, 2, "1.50"), ("87%", 0, 1, "0.00"),
    ])
    func workedExamples(rate: String, n: Int, d: Int, expected: String) throws {
        let exact = try RectificationRateRule.exactScore(rate: Rational(parsing: rate))
        #expect(try exact == Rational(n, d))
        #expect(try Score(roundingUp: exact).description == expected)
        #expect(try WhatIf.evaluate(.rectificationRate, rate: rate).score.description == expected)
    }

    @Test("990 of 1000 is exactly 99% and scores 5.00")
    func ninetyNinePercent() throws {
        let result = try RectificationRateRule.result(rectifiedItems: 990, listItems: 1000)
        #expect(result.rate == Rational.percent(99))
        #expect(result.score.description == "5.00")
        #expect(result.reason == "对账整改率 99.00%（990/1000）")
    }

    /// Exact scores on both sides of 99% and 95%, the floor, and 注6 rounding up of remainders:
    /// 98.99% → 4.9975 → 5.00; 94.99% → 3.995 → 4.00; 97.48% → 4.62; 97.4804% → 4.6201 → 4.63.
    @Test("breakpoints, floors and rounding from counts", arguments: [
        (9899, 10000, 49975, 10000, "5.00"), (9900, 10000, 5, 1, "5.00"), (10000, 10000, 5, 1, "5.00"),
        (9499, 10000, 3995, 1000, "4.00"), (9500, 10000, 4, 1, "4.00"), (9501, 10000, 40025, 10000, "4.01"),
        (9748, 10000, 462, 100, "4.62"), (974_804, 1_000_000, 46201, 10000, "4.63"),
        (8701, 10000, 5, 1000, "0.01"), (8700, 10000, 0, 1, "0.00"), (8699, 10000, 0, 1, "0.00"),
        (0, 10000, 0, 1, "0.00"),
    ])
    func breakpoints(rectified: Int, items: Int, n: Int, d: Int, expected: String) throws {
        let rate = try Rational(rectified, items)
        #expect(try RectificationRateRule.exactScore(rate: rate) == Rational(n, d))
        let result = try RectificationRateRule.result(rectifiedItems: rectified, listItems: items)
        #expect(result.score.description == expected)
        #expect(result.reasonCode == .rate)
    }

    @Test("empty list → 5 (对账无差异的省份，得5分)")
    func emptyList() throws {
        for policy in ScoringPolicy.all {
            let result = try RectificationRateRule.result(rectifiedItems: 0, listItems: 0, policy: policy)
            #expect(result.score.description == "5.00")
            #expect(result.reasonCode == .noDifferences)
            #expect(result.reason == "对账无差异")
            #expect(result.rate == nil)
        }
    }

    @Test("window missed → 0; the 2023 annex names the second month")
    func windowMissed() {
        let result = RectificationRateRule.windowMissed()
        #expect(result.score == .zero)
        #expect(result.reasonCode == .windowMissed)
        #expect(result.reason == "未在每季度第一周完成数据对账（first-5-working-days）")
        let annex = RectificationRateRule.windowMissed(policy: .workplan2023SecondMonth)
        #expect(annex.reason == "未在每季度次月第一周完成数据对账（annex-2023-second-month）")
        #expect(annex.policy == "workplan-2023-second-month")
        // workplan-2023 reads 次月 as 第八条's: the same window as indicator 10's.
        #expect(RectificationRateRule.windowMissed(policy: .workplan2023).reason == "未在每季度第一周完成数据对账（first-5-working-days）")
        #expect(annex.indicator == .rectificationRate)
    }

    @Test("bad counts are errors")
    func validation() {
        #expect(throws: ScoringError.self) { try RectificationRateRule.result(rectifiedItems: 3, listItems: 2) }
        #expect(throws: ScoringError.self) { try RectificationRateRule.result(rectifiedItems: -3, listItems: 2) }
        #expect(throws: ScoringError.self) { try RectificationRateRule.result(rectifiedItems: 0, listItems: -2) }
    }
}
