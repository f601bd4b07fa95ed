/// The indicators this project scores (交办运函〔2022〕1599号 第六条, 数据质量).
public enum Indicator: Int, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// 10 对账差异率 — reconciliation difference rate (5 points). See `DifferenceRateRule`.
    case differenceRate = 10
    /// 11 对账整改率 — rectification rate (5 points). See `RectificationRateRule`.
    case rectificationRate = 11
    /// 12 数据归集率 — data aggregation rate (5 points). See `AggregationRateRule`.
    case aggregationRate = 12

    /// The indicator numbered `number` (10, 11 or 12); throws `.unknownIndicator` otherwise.
    public init(number: Int) throws(ScoringError) {
        guard let indicator = Indicator(rawValue: number) else { throw .unknownIndicator(number) }
        self = indicator
    }

    /// 10, 11 or 12.
    public var number: Int { rawValue }

    /// 对账差异率, 对账整改率 or 数据归集率.
    public var chineseName: String {
        switch self {
        case .differenceRate: return "对账差异率"
        case .rectificationRate: return "对账整改率"
        case .aggregationRate: return "数据归集率"
        }
    }

    /// The full marks (分值): 5 for each of the three.
    public var maxPoints: Int { 5 }

    /// The exact score for `rate` (a fraction in 0…1) by this indicator's rule, before 注6's
    /// rounding; throws `.rateOutOfRange` outside 0…1.
    public func exactScore(forRate rate: Rational) throws(ScoringError) -> Rational {
        switch self {
        case .differenceRate: return try DifferenceRateRule.exactScore(rate: rate)
        case .rectificationRate: return try RectificationRateRule.exactScore(rate: rate)
        case .aggregationRate: return try AggregationRateRule.exactScore(rate: rate)
        }
    }

    /// The final score for `rate` (注6: rounded up to 0.01, never below 0).
    public func score(forRate rate: Rational) throws(ScoringError) -> Score {
        let exact = try exactScore(forRate: rate)
        return try ScoringArithmetic.run { () throws(RationalError) in try Score(roundingUp: exact) }
    }

    /// E.g. `10 对账差异率`.
    public var description: String { "\(number) \(chineseName)" }
}
