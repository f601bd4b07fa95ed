/// Indicator 11 对账整改率 (5 points).
///
/// 1599号: "收到对账差异数据整改清单后，在5个工作日内上传更新数据记录的数量与差异数据记录总量的比率。
/// 99%及以上的得5分；95%至99%之间的，每下降1%扣0.25分；低于95%的，每下降1%扣0.5分，以此类推，
/// 扣完为止。未在每季度第一周完成数据对账的省份，得0分；对账无差异的省份，得5分。"
/// (2023 annex: "未在每季度次月第一周完成数据对账的省份，得0分" — `ScoringPolicy.workplan2023`.)
///
/// docs/rules.md: "Piecewise linear, no rounding of the percentage: rate ≥ 99% → 5;
/// 95% ≤ rate < 99% → 5 − 0.25·(99 − rate); rate < 95% → 4 − 0.5·(95 − rate); floor 0.
/// 97.5% → 4.625 → 4.63 (see rounding); 95% → 4.00; 90% → 1.50; 87% → 0.00.
/// Empty list (no differences) → 5. Window missed → 0."
public enum RectificationRateRule {
    /// The exact score for `rate` (0…1), before 注6's rounding.
    public static func exactScore(rate: Rational) throws(ScoringError) -> Rational {
        let p = try ScoringArithmetic.percent(rate)
        return try ScoringArithmetic.run { () throws(RationalError) in
            // "99%及以上的得5分"
            if p >= Rational(99) { return Rational(5) }
            // "95%至99%之间的，每下降1%扣0.25分": 5 − (99 − p)/4
            if p >= Rational(95) {
                return try Rational(5).subtracting(Rational(99).subtracting(p).divided(by: Rational(4)))
            }
            // "低于95%的，每下降1%扣0.5分，以此类推，扣完为止": 4 − (95 − p)/2, not below 0
            let score = try Rational(4).subtracting(Rational(95).subtracting(p).divided(by: Rational(2)))
            return Rational.max(.zero, score)
        }
    }

    /// The result for the quarter's official rectification list: `rectifiedItems` of its
    /// `listItems` items were re-uploaded (or, ministry-only, deleted) within 5 working days.
    ///
    /// `listItems == 0`: "对账无差异的省份，得5分" → 5, reason `no-differences` (对账无差异).
    /// Throws for negative counts or `rectifiedItems > listItems`.
    public static func result(rectifiedItems: Int, listItems: Int, policy: ScoringPolicy = .default)
        throws(ScoringError) -> IndicatorResult
    {
        guard let rate = try ScoringArithmetic.rate(rectifiedItems, "re-uploaded items (上传更新数据记录的数量)",
                                                    of: listItems, "list items (差异数据记录总量)")
        else {
            return .undefinedRate(.rectificationRate, score: .points(5), reason: .noDifferences, policy: policy)
        }
        return try .scored(.rectificationRate, numerator: rectifiedItems, denominator: listItems, rate: rate,
                           policy: policy)
    }

    /// The result when the official reconciliation compared no record on either side (0 keys):
    /// read as indicator 10 reads it (`policy.emptyReconciliation`, default 0, reason `no-records`
    /// 无对账数据), so that an empty reconciliation never scores 0 on one indicator and 5 on the
    /// other (docs/rules.md, "Empty reconciliations").
    public static func emptyReconciliation(policy: ScoringPolicy = .default) -> IndicatorResult {
        let score: Score = policy.emptyReconciliation == .fullMarks ? .points(5) : .zero
        return .undefinedRate(.rectificationRate, score: score, reason: .noRecords, policy: policy)
    }

    /// 0 points: the official run found differences but no rectification list was issued from it.
    public static func listMissing(runID: Int, policy: ScoringPolicy = .default) -> IndicatorResult {
        IndicatorResult(indicator: .rectificationRate, numerator: nil, denominator: nil, rate: nil, score: .zero,
                        reasonCode: .listMissing, reason: "\(ScoreReason.listMissing.chineseText)（正式对账 run \(runID)）",
                        policy: policy.name)
    }

    /// 0 points: the reconciliation was not completed inside `policy.rectificationWindow`
    /// ("未在每季度第一周完成数据对账的省份，得0分"; 2023: 每季度次月第一周). Takes precedence over an
    /// empty list.
    public static func windowMissed(policy: ScoringPolicy = .default) -> IndicatorResult {
        .windowMissed(.rectificationRate, policy: policy)
    }
}
