/// Why an indicator got its score: a stable code (stored in `recon.scores.reason_code`) with a
/// default Chinese text.
public enum ScoreReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// Scored from the rate by the indicator's rule.
    case rate = "rate"
    /// 10, 11: "未在每季度第一周完成数据对账的省份，得0分" (2023 annex, 11: 每季度次月第一周).
    case windowMissed = "window-missed"
    /// 11: "对账无差异的省份，得5分" — the rectification list is empty.
    case noDifferences = "no-differences"
    /// 10: no record on either side, so the rate is undefined; the policy decides the score
    /// (`ScoringPolicy.emptyReconciliation`).
    case noRecords = "no-records"
    /// 12: no business records in the ministry system for the quarter → 0 (docs/rules.md:
    /// "rate undefined, score 0, reason \"无业务数据\" shown").
    case noBusinessData = "no-business-data"
    /// 11: the official run found differences but its rectification list was never issued → 0,
    /// and the province is named as a problem (docs/rules.md, "Draft scores").
    case listMissing = "list-missing"
    /// Any indicator: corrected during the public notice after an accepted objection (第十一条:
    /// 对评价结果有异议的，可在公示期内提请核对修正).
    case corrected = "corrected"

    /// The default Chinese text (rate results carry a text with the rate instead).
    public var chineseText: String {
        switch self {
        case .rate: return "按比率计分"
        case .windowMissed: return "未在每季度第一周完成数据对账"
        case .noDifferences: return "对账无差异"
        case .noRecords: return "无对账数据"
        case .noBusinessData: return "无业务数据"
        case .listMissing: return "正式对账未下发整改清单"
        case .corrected: return "异议核对修正"
        }
    }
}
