/// Internal helpers shared by the three rules: exact arithmetic and count checks.
enum ScoringArithmetic {
    /// Runs exact arithmetic, reporting overflow as `ScoringError.arithmetic`.
    static func run<T>(_ body: () throws(RationalError) -> T) throws(ScoringError) -> T {
        do {
            return try body()
        } catch {
            throw .arithmetic(error)
        }
    }

    /// Checks `0 ≤ part ≤ total` and returns `part/total` as a fraction, or nil when `total` is 0.
    static func rate(_ part: Int, _ partName: String, of total: Int, _ totalName: String)
        throws(ScoringError) -> Rational?
    {
        guard part >= 0 else { throw .negativeCount(name: partName, value: part) }
        guard total >= 0 else { throw .negativeCount(name: totalName, value: total) }
        guard part <= total else {
            throw .countExceedsTotal(name: partName, value: part, totalName: totalName, total: total)
        }
        guard total > 0 else { return nil }
        return try run { () throws(RationalError) in try Rational(part, total) }
    }

    /// `rate` × 100 (the rate in percent), after checking 0 ≤ rate ≤ 1.
    static func percent(_ rate: Rational) throws(ScoringError) -> Rational {
        guard rate >= .zero && rate <= .one else {
            throw .rateOutOfRange(input: rate.percentDisplay(), rate: rate)
        }
        return try run { () throws(RationalError) in try rate.multiplied(by: Rational(100)) }
    }

    /// The reason text of a rate result: e.g. `对账差异率 1.01%（101/10000）` — the rate as every
    /// output shows it (``RateFormat``), with the unreduced counts.
    static func rateText(_ indicator: Indicator, rate: Rational, numerator: Int, denominator: Int) -> String {
        "\(indicator.chineseName) \(RateFormat.percentWithFraction(numerator, of: denominator, for: indicator))"
    }
}
