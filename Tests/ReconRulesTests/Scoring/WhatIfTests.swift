import Testing
@testable import ReconRules

@Suite("WhatIf")
struct WhatIfTests {
    @Test("JSON for a rate")
    func jsonRate() throws {
        #expect(try WhatIf.evaluate(.rectificationRate, rate: "97.5%").json
            == #"{"indicator":11,"rate":"97.5%","score":"4.63"}"#)
        #expect(try WhatIf.evaluate(.differenceRate, rate: "0.99%").json
            == #"{"indicator":10,"rate":"0.99%","score":"5.00"}"#)
        #expect(try WhatIf.evaluate(.aggregationRate, rate: "87.5%").json
            == #"{"indicator":12,"rate":"87.5%","score":"0.00"}"#)
    }

    @Test("JSON for counts")
    func jsonCounts() throws {
        #expect(try WhatIf.evaluate(.rectificationRate, numerator: 975, denominator: 1000).json
            == #"{"indicator":11,"numerator":975,"denominator":1000,"rate":"97.5%","score":"4.63"}"#)
        #expect(try WhatIf.evaluate(.aggregationRate, numerator: 1, denominator: 3).json
            == #"{"indicator":12,"numerator":1,"denominator":3,"rate":"≈33.3333%","score":"0.00"}"#)
    }

    @Test("the rate is written as the exact percentage, trailing zeros trimmed", arguments: [
        ("97.50%", "97.5%"), ("0.975", "97.5%"), ("99%", "99%"), ("99.000%", "99%"), ("1", "100%"), ("0", "0%"),
        ("39/40", "97.5%"), ("10.01%", "10.01%"),
    ])
    func rateText(input: String, expected: String) throws {
        #expect(try WhatIf.evaluate(.rectificationRate, rate: input).rateText == expected)
    }

    @Test("the exact score is kept beside the rounded one")
    func exactScore() throws {
        let answer = try WhatIf.evaluate(.rectificationRate, rate: "97.5%")
        #expect(answer.exactScore == (try Rational(37, 8)))
        #expect(answer.score.hundredths == 463)
        #expect(answer.description == "指标11 对账整改率: 97.5% → 4.625 → 4.63")
        let counts = try WhatIf.evaluate(.aggregationRate, numerator: 925, denominator: 1000)
        #expect(counts.description == "指标12 数据归集率: 92.5% (925/1000) → 3.75")
    }

    @Test("rates outside 0–100% are refused", arguments: ["100.5%", "-1%", "99", "1.01", "-0.01%"])
    func outOfRange(input: String) throws {
        do {
            _ = try WhatIf.evaluate(.differenceRate, rate: input)
            Issue.record("expected an error for \(input)")
        } catch {
            guard case .rateOutOfRange = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(error.description.contains("'\(input)'"))
        }
    }

    @Test("a bare 99 is read as 9900% and the message says so")
    func bareNumber() {
        do {
            _ = try WhatIf.evaluate(.rectificationRate, rate: "99")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("9900%"))
        }
    }

    @Test("unreadable rate, zero denominator, negative counts, too many")
    func errors() {
        #expect(throws: ScoringError.invalidRate(.invalidSyntax(input: "97,5%", reason: "unexpected character ',' in the number"))) {
            try WhatIf.evaluate(.rectificationRate, rate: "97,5%")
        }
        #expect(throws: ScoringError.zeroDenominator(indicator: .aggregationRate, name: "denominator")) {
            try WhatIf.evaluate(.aggregationRate, numerator: 0, denominator: 0)
        }
        #expect(ScoringError.zeroDenominator(indicator: .aggregationRate, name: "denominator").description.contains("无业务数据"))
        #expect(ScoringError.zeroDenominator(indicator: .rectificationRate, name: "denominator").description.contains("得5分"))
        #expect(throws: ScoringError.negativeCount(name: "numerator", value: -1)) {
            try WhatIf.evaluate(.aggregationRate, numerator: -1, denominator: 10)
        }
        #expect(throws: ScoringError.negativeCount(name: "denominator", value: -10)) {
            try WhatIf.evaluate(.aggregationRate, numerator: 1, denominator: -10)
        }
        #expect(throws: ScoringError.countExceedsTotal(name: "numerator", value: 11, totalName: "denominator", total: 10)) {
            try WhatIf.evaluate(.aggregationRate, numerator: 11, denominator: 10)
        }
    }

    @Test("indicators by number")
    func indicatorNumbers() throws {
        #expect(try Indicator(number: 10) == .differenceRate)
        #expect(try Indicator(number: 11) == .rectificationRate)
        #expect(try Indicator(number: 12) == .aggregationRate)
        #expect(throws: ScoringError.unknownIndicator(9)) { try Indicator(number: 9) }
        #expect(ScoringError.unknownIndicator(9).description.contains("9"))
        #expect(Indicator.allCases.map(\.maxPoints) == [5, 5, 5])
        #expect(Indicator.rectificationRate.description == "11 对账整改率")
    }
}
