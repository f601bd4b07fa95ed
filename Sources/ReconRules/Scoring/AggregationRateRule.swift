/// Indicator 12 数据归集率 (5 points).
///
/// 1599号 (table): "按要求更新到便民政务系统的线上线下业务办理数量与更新到部级运政系统中的业务数据量的
/// 比率。95%及以上的得5分；90%至95%之间的，每下降1%扣0.5分；低于90%的，每下降1%扣1分，以此类推，
/// 扣完为止。"
///
/// docs/rules.md: "rate ≥ 95% → 5; 90% ≤ rate < 95% → 5 − 0.5·(95 − rate); rate < 90% →
/// 2.5 − 1·(90 − rate); floor 0. 92.5% → 3.75; 90% → 2.50; 88% → 0.50; 87.5% → 0.00.
/// No business records in the ministry system for the quarter → rate undefined, score 0,
/// reason '无业务数据' shown."
public enum AggregationRateRule {
    /// The exact score for `rate` (0…1), before 注6's rounding.
    public static func exactScore(rate: Rational) throws(ScoringError) -> Rational {
        let p = try ScoringArithmetic.percent(rate)
        return try ScoringArithmetic.run { () throws(RationalError) in
            // "95%及以上的得5分"
            if p >= Rational(95) { return Rational(5) }
            // "90%至95%之间的，每下降1%扣0.5分": 5 − (95 − p)/2
            if p >= Rational(90) {
                return try Rational(5).subtracting(Rational(95).subtracting(p).divided(by: Rational(2)))
            }
            // "低于90%的，每下降1%扣1分，以此类推，扣完为止": 5/2 − (90 − p), not below 0
            let score = try Rational(5, 2).subtracting(Rational(90).subtracting(p))
            return Rational.max(.zero, score)
        }
    }

    /// The result for the quarter: `matchedRecords` of the `ministryRecords` business-handling
    /// records in the ministry system (by submission time) are present in 便民政务系统 (matched by
    /// business serial number).
    ///
    /// `ministryRecords == 0`: score 0, reason `no-business-data` (无业务数据).
    /// Throws for negative counts or `matchedRecords > ministryRecords`.
    public static func result(matchedRecords: Int, ministryRecords: Int, policy: ScoringPolicy = .default)
        throws(ScoringError) -> IndicatorResult
    {
        guard let rate = try ScoringArithmetic.rate(matchedRecords, "matched records (更新到便民政务系统的业务办理数量)",
                                                    of: ministryRecords, "ministry records (部级运政系统中的业务数据量)")
        else {
            return .undefinedRate(.aggregationRate, score: .zero, reason: .noBusinessData, policy: policy)
        }
        return try .scored(.aggregationRate, numerator: matchedRecords, denominator: ministryRecords, rate: rate,
                           policy: policy)
    }
}
