import Testing
@testable import ReconRules

@Suite("Indicator 10 对账差异率")
struct DifferenceRateRuleTests {
    /// docs/rules.md: "rate 1.00% → 5.00, 1.01% → 4.50, 2.00% → 4.50, 2.01% → 4.00,
    /// 10.00% → 0.50, 10.01% → 0.00".
    @Test("worked examples of docs/rules.md", arguments: [
        ("1.00%", "5.00"), ("1.01%", "4.50"), ("2.00%", "4.50"), ("2.01%", "4.00"), ("10.00%", "0.50"),
        ("10.01%", "0.00"),
    ])
    func workedExamples(rate: String, expected: String) throws {
        let exact = try DifferenceRateRule.exactScore(rate: Rational(parsing: rate))
        #expect(try Score(roundingUp: exact).description == expected)
        #expect(try WhatIf.evaluate(.differenceRate, rate: rate).score.description == expected)
    }

    /// Both sides of every breakpoint, with counts that make the rates exact.
    @Test("breakpoints from counts", arguments: [
        (0, 10000, 5, 1), (99, 10000, 5, 1), (100, 10000, 5, 1), (101, 10000, 9, 2), (200, 10000, 9, 2),
        (201, 10000, 4, 1), (550, 10000, 5, 2), (1000, 10000, 1, 2), (1001, 10000, 0, 1), (5000, 10000, 0, 1),
        (10000, 10000, 0, 1), (1, 3, 0, 1),
    ])
    func breakpoints(differing: Int, total: Int, n: Int, d: Int) throws {
        let result = try DifferenceRateRule.result(differingKeys: differing, totalKeys: total)
        #expect(try result.score.value == Rational(n, d))
        #expect(try result.rate == Rational(differing, total))
        #expect(result.numerator == differing && result.denominator == total)
        #expect(result.reasonCode == .rate)
    }

    @Test("the result carries the counts, the exact rate and a Chinese reason")
    func resultFields() throws {
        let result = try DifferenceRateRule.result(differingKeys: 101, totalKeys: 10000)
        #expect(result.indicator == .differenceRate)
        #expect(result.score.description == "4.50")
        #expect(result.rate == (try Rational(101, 10000)))
        #expect(result.reason == "对账差异率 1.01%（101/10000）")
        #expect(result.policy == "jtys-2022-1599")
        let third = try DifferenceRateRule.result(differingKeys: 1, totalKeys: 3)
        #expect(third.reason == "对账差异率 33.34%（1/3）")
    }

    @Test("no record on either side: the policy decides, default 0")
    func noRecords() throws {
        let result = try DifferenceRateRule.result(differingKeys: 0, totalKeys: 0)
        #expect(result.score == .zero)
        #expect(result.reasonCode == .noRecords)
        #expect(result.reason == "无对账数据")
        #expect(result.rate == nil)
        #expect(result.numerator == 0 && result.denominator == 0)
        let lenient = ScoringPolicy(name: "test-lenient", summary: "test", reconciliationWindow: .firstFiveWorkingDays,
                                    rectificationWindow: .firstFiveWorkingDays, emptyReconciliation: .fullMarks)
        let full = try DifferenceRateRule.result(differingKeys: 0, totalKeys: 0, policy: lenient)
        #expect(full.score.description == "5.00")
        #expect(full.reasonCode == .noRecords)
        #expect(full.policy == "test-lenient")
        for policy in ScoringPolicy.all {
            #expect(policy.emptyReconciliation == .scoreZero)
        }
    }

    @Test("window missed → 0 with the reason")
    func windowMissed() {
        let result = DifferenceRateRule.windowMissed()
        #expect(result.score == .zero)
        #expect(result.reasonCode == .windowMissed)
        #expect(result.reason == "未在每季度第一周完成数据对账（first-5-working-days）")
        #expect(result.numerator == nil && result.denominator == nil && result.rate == nil)
        let calendarWeek = DifferenceRateRule.windowMissed(policy: .jtys2022CalendarWeek)
        #expect(calendarWeek.reason == "未在每季度第一周完成数据对账（first-7-calendar-days）")
        #expect(calendarWeek.policy == "jtys-2022-1599-calendar-week")
    }

    @Test("bad counts are errors naming the values")
    func validation() {
        #expect(throws: ScoringError.negativeCount(name: "differing keys (差异数据记录数量)", value: -1)) {
            try DifferenceRateRule.result(differingKeys: -1, totalKeys: 10)
        }
        #expect(throws: ScoringError.self) { try DifferenceRateRule.result(differingKeys: 0, totalKeys: -10) }
        do {
            _ = try DifferenceRateRule.result(differingKeys: 11, totalKeys: 10)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("(11)") && error.description.contains("(10)"))
        }
        #expect(throws: ScoringError.self) { try DifferenceRateRule.exactScore(rate: Rational(2)) }
        #expect(throws: ScoringError.self) { try DifferenceRateRule.exactScore(rate: Rational(-1, 100)) }
    }
}
