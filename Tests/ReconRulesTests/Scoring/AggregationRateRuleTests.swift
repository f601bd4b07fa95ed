import Testing
@testable import ReconRules

@Suite("Indicator 12 数据归集率")
struct AggregationRateRuleTests {
    /// docs/rules.md: "92.5% → 3.75; 90% → 2.50; 88% → 0.50; 87.5% → 0.00".
    @Test("worked examples of docs/rules.md", arguments: [
        ("92.5%", 15, 4, "3.75"), ("90%", 5, 2, "2.50"), ("88%", 1, 2, "0.50"), ("87.5%", 0, 1, "0.00"),
    ])
    func workedExamples(rate: String, n: Int, d: Int, expected: String) throws {
        let exact = try AggregationRateRule.exactScore(rate: Rational(parsing: rate))
        #expect(try exact == Rational(n, d))
        #expect(try Score(roundingUp: exact).description == expected)
        #expect(try WhatIf.evaluate(.aggregationRate, rate: rate).score.description == expected)
    }

    /// Both sides of 95% and 90%, the floor, and rounding up: 94.99% → 4.995 → 5.00;
    /// 89.99% → 2.49; 87.505% → 0.005 → 0.01.
    @Test("breakpoints, floors and rounding from counts", arguments: [
        (9499, 10000, 4995, 1000, "5.00"), (9500, 10000, 5, 1, "5.00"), (10000, 10000, 5, 1, "5.00"),
        (8999, 10000, 249, 100, "2.49"), (9000, 10000, 5, 2, "2.50"), (9001, 10000, 2505, 1000, "2.51"),
        (17501, 20000, 5, 1000, "0.01"), (8750, 10000, 0, 1, "0.00"), (8749, 10000, 0, 1, "0.00"),
        (0, 10000, 0, 1, "0.00"),
    ])
    func breakpoints(matched: Int, ministry: Int, n: Int, d: Int, expected: String) throws {
        #expect(try AggregationRateRule.exactScore(rate: Rational(matched, ministry)) == Rational(n, d))
        let result = try AggregationRateRule.result(matchedRecords: matched, ministryRecords: ministry)
        #expect(result.score.description == expected)
        #expect(result.numerator == matched && result.denominator == ministry)
        #expect(result.indicator == .aggregationRate)
    }

    @Test("no business records → 0, reason 无业务数据")
    func noBusinessData() throws {
        let result = try AggregationRateRule.result(matchedRecords: 0, ministryRecords: 0)
        #expect(result.score == .zero)
        #expect(result.reasonCode == .noBusinessData)
        #expect(result.reason == "无业务数据")
        #expect(result.rate == nil)
    }

    @Test("matching by key cannot pass 100%: more matches than records is an error")
    func validation() {
        #expect(throws: ScoringError.self) { try AggregationRateRule.result(matchedRecords: 101, ministryRecords: 100) }
        #expect(throws: ScoringError.self) { try AggregationRateRule.result(matchedRecords: -1, ministryRecords: 100) }
    }
}
