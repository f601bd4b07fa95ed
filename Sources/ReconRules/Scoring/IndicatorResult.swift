/// The score of one indicator for one province and quarter, with what it was computed from.
/// Mirrors a row of `recon.scores` (numerator, denominator, score_hundredths, reason_code,
/// reason) plus the indicator, the exact rate and the policy name.
///
/// JSON (synthesised `Codable`): `{"indicator":11,"numerator":975,"denominator":1000,
/// "rate":"39/40","score":"4.63","reasonCode":"rate","reason":"对账整改率 97.5%（975/1000）",
/// "policy":"jtys-2022-1599"}`; absent optionals are left out.
public struct IndicatorResult: Sendable, Hashable, Codable {
    /// Which indicator.
    public let indicator: Indicator
    /// The counted part (differing keys / re-uploaded items / matched records); nil when the
    /// window was missed (there is no official run to count).
    public let numerator: Int?
    /// The whole (all keys / list items / ministry records); nil when the window was missed.
    public let denominator: Int?
    /// numerator/denominator exactly; nil when undefined (denominator 0) or the window was missed.
    public let rate: Rational?
    /// The final score (注6 applied).
    public let score: Score
    /// Why this score.
    public let reasonCode: ScoreReason
    /// The Chinese reason shown in reports, e.g. `对账整改率 97.5%（975/1000）` or `无业务数据`.
    public let reason: String
    /// The `ScoringPolicy.name` used.
    public let policy: String

    /// Creates a result (the rules make them; this is for rebuilding one from storage).
    public init(indicator: Indicator, numerator: Int?, denominator: Int?, rate: Rational?, score: Score,
                reasonCode: ScoreReason, reason: String, policy: String)
    {
        self.indicator = indicator
        self.numerator = numerator
        self.denominator = denominator
        self.rate = rate
        self.score = score
        self.reasonCode = reasonCode
        self.reason = reason
        self.policy = policy
    }

    /// A result scored from a rate.
    static func scored(_ indicator: Indicator, numerator: Int, denominator: Int, rate: Rational,
                       policy: ScoringPolicy) throws(ScoringError) -> IndicatorResult
    {
        let score = try indicator.score(forRate: rate)
        return IndicatorResult(
            indicator: indicator, numerator: numerator, denominator: denominator, rate: rate, score: score,
            reasonCode: .rate,
            reason: ScoringArithmetic.rateText(indicator, rate: rate, numerator: numerator, denominator: denominator),
            policy: policy.name)
    }

    /// 0 points because the reconciliation was not completed inside `indicator`'s window.
    static func windowMissed(_ indicator: Indicator, policy: ScoringPolicy) -> IndicatorResult {
        let window = policy.window(for: indicator) ?? policy.reconciliationWindow
        return IndicatorResult(
            indicator: indicator, numerator: nil, denominator: nil, rate: nil, score: .zero,
            reasonCode: .windowMissed, reason: policy.windowMissedText(for: window), policy: policy.name)
    }

    /// A fixed score for an undefined rate (0 of 0).
    static func undefinedRate(_ indicator: Indicator, score: Score, reason: ScoreReason,
                              policy: ScoringPolicy) -> IndicatorResult
    {
        IndicatorResult(
            indicator: indicator, numerator: 0, denominator: 0, rate: nil, score: score,
            reasonCode: reason, reason: reason.chineseText, policy: policy.name)
    }
}
