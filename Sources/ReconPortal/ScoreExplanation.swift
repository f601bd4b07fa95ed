import Foundation

/// How an indicator's score follows from its counts, in the words of 交办运函〔2022〕1599号 (the
/// bands of indicators 10–12; docs/rules.md, "Indicator 10/11/12"): the band the rate falls in and
/// the deduction from the full 5 points, e.g. `低于95%，每下降1%扣0.5分 · 扣2.41分`. The band is
/// decided on the exact counts (cross-multiplied integers), never on the rounded percentage.
enum ScoreExplanation {
    /// The band of `numerator`/`denominator` for `indicator`, nil without a rate.
    static func band(indicator: Int, numerator: Int?, denominator: Int?) -> String? {
        guard let n = numerator, let d = denominator, d > 0 else { return nil }
        let percent = 100 * n   // compared with threshold · d
        switch indicator {
        case 10:
            // "低于1%的得5分；1%以上的，每上升1%扣0.5分，以此类推，扣完为止。上升幅度不足1%的部分按1%计。"
            return percent < d ? "低于1%，得5分" : "1%以上，每上升1%扣0.5分（不足1%按1%计）"
        case 11:
            // "99%及以上的得5分；95%至99%之间的，每下降1%扣0.25分；低于95%的，每下降1%扣0.5分"
            if percent >= 99 * d { return "99%及以上，得5分" }
            return percent >= 95 * d ? "95%至99%之间，每下降1%扣0.25分" : "低于95%，每下降1%扣0.5分（95%时为4分）"
        case 12:
            // "95%及以上的得5分；90%至95%之间的，每下降1%扣0.5分；低于90%的，每下降1%扣1分"
            if percent >= 95 * d { return "95%及以上，得5分" }
            return percent >= 90 * d ? "90%至95%之间，每下降1%扣0.5分" : "低于90%，每下降1%扣1分（90%时为2.5分）"
        default:
            return nil
        }
    }

    /// `扣2.41分` from a score such as `2.59` (out of 5), `未扣分` at full marks.
    static func deduction(score: String) -> String {
        let lost = 500 - RankingSection.hundredthsOf(score)
        return lost <= 0 ? "未扣分" : "扣\(hundredthsText(lost))分"
    }

    /// The whole line: `92.16%（47/51）→ 低于95%，每下降1%扣0.5分 → 扣2.41分 → 2.59分`, or nil
    /// when the score does not come from a rate (window missed, no differences…: the reason says why).
    static func line(_ result: IndicatorScoreJSON) -> String? {
        guard let band = result.band, let rate = result.ratePercent,
              let n = result.numerator, let d = result.denominator else { return nil }
        return "\(rate)%（\(n)/\(d)）→ \(band) → \(result.deduction ?? deduction(score: result.score)) → \(result.score)分"
    }
}
