/// The one way every output shows a rate (runs, score tables, CSV, XLSX, portal, JSON, reasons):
/// a percentage with two decimals, rounded in the direction that can never put it on the wrong
/// side of its indicator's thresholds (docs/rules.md, "Showing rates").
///
/// - Indicator 10 (lower is better; bands "低于1%…每上升1%…不足1%的部分按1%计" end at whole percents,
///   the upper end included): rounded **up**. 201/20000 = 1.005% shows `1.01%` (→ 4.50), never
///   `1.00%` (which would read as 5.00); 401/20000 shows `2.01%` (→ 4.00).
/// - Indicators 11 and 12 (higher is better; thresholds "99%及以上", "95%及以上" include their lower
///   end): rounded **down**. 98.996% shows `98.99%`, never `99.00%`; 990/1000 shows `99.00%`;
///   9499/10000 shows `94.99%`.
///
/// Scores are always computed from the exact fraction, which is shown beside the rate wherever
/// there is room (`1.01%（201/20000）`).
public enum RateFormat {
    /// The rounding of `indicator`'s displayed rates.
    public static func rounding(for indicator: Indicator) -> DecimalRounding {
        indicator == .differenceRate ? .awayFromZero : .towardZero
    }

    /// `1.01%`: `rate` (0…1) as a percentage with two decimals, rounded for `indicator`.
    public static func percent(_ rate: Rational, for indicator: Indicator) -> String {
        rate.percentString(decimals: 2, rounding: rounding(for: indicator))
    }

    /// `numerator/denominator` as `percent(_:for:)`, or `—` when the denominator is 0 (undefined).
    public static func percent(_ numerator: Int, of denominator: Int, for indicator: Indicator) -> String {
        guard denominator > 0, numerator >= 0, let rate = try? Rational(numerator, denominator) else { return "—" }
        return percent(rate, for: indicator)
    }

    /// `1.01%（201/20000）`: the displayed rate with its exact fraction.
    public static func percentWithFraction(_ numerator: Int, of denominator: Int, for indicator: Indicator) -> String {
        "\(percent(numerator, of: denominator, for: indicator))（\(numerator)/\(denominator)）"
    }
}
