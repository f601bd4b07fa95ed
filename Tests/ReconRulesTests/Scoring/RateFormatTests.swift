import Testing
@testable import ReconRules

/// A shown rate never contradicts its score (docs/rules.md, "Showing rates"): for each case, the
/// displayed percentage read back as a rate scores exactly what the exact fraction scores at the
/// band thresholds.
@Suite("RateFormat: one rate display for every output")
struct RateFormatTests {
    @Test(arguments: [
        // (indicator, numerator, denominator, shown, score)
        (Indicator.differenceRate, 201, 20_000, "1.01%", "4.50"),
        (Indicator.differenceRate, 401, 20_000, "2.01%", "4.00"),
        (Indicator.differenceRate, 200, 20_000, "1.00%", "5.00"),
        (Indicator.rectificationRate, 990, 1000, "99.00%", "5.00"),
        (Indicator.rectificationRate, 9499, 10_000, "94.99%", "4.00"),
        (Indicator.rectificationRate, 98_996, 100_000, "98.99%", "5.00"),
        (Indicator.aggregationRate, 9499, 10_000, "94.99%", "5.00"),
        (Indicator.aggregationRate, 990, 1000, "99.00%", "5.00"),
    ])
    func shownRateAgreesWithScore(indicator: Indicator, numerator: Int, denominator: Int, shown: String, score: String) throws {
        let rate = try Rational(numerator, denominator)
        #expect(RateFormat.percent(rate, for: indicator) == shown)
        #expect(RateFormat.percent(numerator, of: denominator, for: indicator) == shown)
        #expect(try indicator.score(forRate: rate).description == score)
    }

    /// The rule's own examples for indicator 10 read off the shown rate give the shown score.
    @Test func indicator10ShownRateIsOnTheSameSideOfEveryBand() throws {
        for denominator in [997, 20_000, 33_333] {
            for numerator in stride(from: 0, through: denominator / 8, by: max(1, denominator / 700)) {
                let rate = try Rational(numerator, denominator)
                let shown = RateFormat.percent(rate, for: .differenceRate)
                let shownRate = try Rational(parsing: shown)
                #expect(try Indicator.differenceRate.score(forRate: shownRate) == Indicator.differenceRate.score(forRate: rate),
                        "\(numerator)/\(denominator) shown \(shown)")
            }
        }
    }

    /// Indicators 11 and 12: the shown rate never reaches a threshold the exact rate does not.
    @Test(arguments: [Indicator.rectificationRate, .aggregationRate])
    func shownRateNeverReachesAThresholdItDoesNotReach(indicator: Indicator) throws {
        let thresholds = [try Rational(95, 100), try Rational(99, 100), try Rational(90, 100)]
        for numerator in 9_400...10_000 {
            let rate = try Rational(numerator * 10 + 3, 100_030)
            let shownRate = try Rational(parsing: RateFormat.percent(rate, for: indicator))
            #expect(shownRate <= rate)
            for threshold in thresholds { #expect((shownRate >= threshold) == (rate >= threshold)) }
        }
    }

    @Test func undefinedRateShowsADash() {
        #expect(RateFormat.percent(0, of: 0, for: .differenceRate) == "—")
        #expect(RateFormat.percentWithFraction(201, of: 20_000, for: .differenceRate) == "1.01%（201/20000）")
    }
}
