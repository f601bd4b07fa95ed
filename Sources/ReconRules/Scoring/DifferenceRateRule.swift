/// Indicator 10 对账差异率 (5 points).
///
/// 1599号: "部省两级运政系统数据对账发现的差异数据记录数量与该省份运政业务数据记录总量的比率。
/// 低于1%的得5分；1%以上的，每上升1%扣0.5分，以此类推，扣完为止。上升幅度不足1%的部分按1%计。
/// 未在每季度第一周完成数据对账的省份，得0分。"
///
/// docs/rules.md: "rate = differing records / all records of the province … 'All records' = the
/// distinct keys on either side (the union) … rate < 1% → 5. Otherwise the rise above 1% is
/// rounded **up** to whole percentage points and each point costs 0.5: rate 1.00% → 5.00,
/// 1.01% → 4.50, 2.00% → 4.50, 2.01% → 4.00, 10.00% → 0.50, 10.01% → 0.00."
///
/// Formula (p = rate in percent): score = max(0, 5 − 0.5 · ⌈max(0, p − 1)⌉).
/// At p = 1 the rise is 0, so nothing is deducted (1.00% → 5.00); any rise in (0, 1] costs one
/// step (不足1%的部分按1%计), (1, 2] two steps, …; from p > 10 the 10 steps take all 5 points.
public enum DifferenceRateRule {
    /// The exact score for `rate` (0…1), before 注6's rounding (the result is always a multiple
    /// of 0.5, so rounding never changes it).
    public static func exactScore(rate: Rational) throws(ScoringError) -> Rational {
        let p = try ScoringArithmetic.percent(rate)
        // "低于1%的得5分"
        if p < Rational(1) { return Rational(5) }
        return try ScoringArithmetic.run { () throws(RationalError) in
            // "1%以上的，每上升1%扣0.5分 … 上升幅度不足1%的部分按1%计" — steps = ⌈p − 1⌉ ≥ 0.
            let steps = try p.subtracting(Rational(1)).ceiling()
            let deduction = try Rational(steps, 2)
            // "扣完为止"
            return Rational.max(.zero, try Rational(5).subtracting(deduction))
        }
    }

    /// The result for an official reconciliation (completed inside the window) that found
    /// `differingKeys` keys with any difference among `totalKeys` distinct keys on either side,
    /// summed over the record sets (经营业户, 从业人员, 营运车辆).
    ///
    /// `totalKeys == 0`: no record on either side; the score follows
    /// `policy.emptyReconciliation` (default 0), reason `no-records` (无对账数据).
    /// Throws for negative counts or `differingKeys > totalKeys`.
    public static func result(differingKeys: Int, totalKeys: Int, policy: ScoringPolicy = .default)
        throws(ScoringError) -> IndicatorResult
    {
        guard let rate = try ScoringArithmetic.rate(differingKeys, "differing keys (差异数据记录数量)",
                                                    of: totalKeys, "all keys (运政业务数据记录总量)")
        else {
            let score: Score = policy.emptyReconciliation == .fullMarks ? .points(5) : .zero
            return .undefinedRate(.differenceRate, score: score, reason: .noRecords, policy: policy)
        }
        return try .scored(.differenceRate, numerator: differingKeys, denominator: totalKeys, rate: rate, policy: policy)
    }

    /// 0 points: "未在每季度第一周完成数据对账的省份，得0分" — no run for the province completed inside
    /// `policy.reconciliationWindow` (runs at other times are self-checks and do not count).
    public static func windowMissed(policy: ScoringPolicy = .default) -> IndicatorResult {
        .windowMissed(.differenceRate, policy: policy)
    }
}
