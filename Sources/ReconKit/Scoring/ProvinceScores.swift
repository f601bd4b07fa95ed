/// One province's three indicator results for a quarter, with what they were computed from.
import ReconRules

public struct ProvinceScores: Sendable, Equatable {
    /// The province.
    public let provinceCode: String
    /// 中文名.
    public let provinceName: String
    /// Indicator 10 对账差异率.
    public let differenceRate: IndicatorResult
    /// Indicator 11 对账整改率.
    public let rectificationRate: IndicatorResult
    /// Indicator 12 数据归集率.
    public let aggregationRate: IndicatorResult
    /// The official run for indicator 10, if any.
    public let officialRunID: Int?
    /// The official run for indicator 11 (differs from 10 only under the 2023 annex's window).
    public let rectificationRunID: Int?
    /// The list scored for indicator 11, if any.
    public let listID: Int?
    /// What keeps this province's scores from being right (named, never blocking the others):
    /// e.g. an official run whose list was never issued.
    public var problems: [String] = []

    /// The three results in indicator order.
    public var results: [IndicatorResult] { [differenceRate, rectificationRate, aggregationRate] }

    /// The subtotal of the three (out of 15), exact in hundredths.
    public var subtotal: Score {
        Score(hundredths: results.reduce(0) { $0 + $1.score.hundredths })!
    }
}

/// A quarter's scoring: every province's results and the dates of 第八条 and 第十一条.
public struct QuarterScores: Sendable, Equatable {
    /// The quarter scored.
    public let quarter: Quarter
    /// The policy (reading of the rules) used.
    public let policy: ScoringPolicy
    /// The calendar version used for windows and dates.
    public let calendarVersion: String
    /// 第八条: 每季度次月第10个工作日出当季度评价结果。
    public let resultsDue: CivilDate
    /// 第十一条: 评价结果…公示期为5个工作日 — its last day.
    public let noticeEnds: CivilDate
    /// Per province, in configuration order.
    public let provinces: [ProvinceScores]
}
