import PostgresClient
import ReconRules

/// Computes a quarter's indicator 10–12 scores from the results database (official runs, lists,
/// tracking) and, for indicator 12, the ministry's and platform's business records.
public struct QuarterlyScorer {
    let results: Connection
    let calendar: WorkdayCalendar
    let policy: ScoringPolicy
    /// The record sets a run must cover to be official.
    let recordSets: [String]
    /// Opens the ministry and platform connections for indicator 12 (`nil`: not configured).
    let aggregation: ((ProvinceConfig, Quarter) throws -> AggregationCounts)?

    /// A scorer. `aggregation` counts indicator 12 for a province; without it, indicator 12 scores
    /// 0 with reason 无业务数据.
    public init(results: Connection, calendar: WorkdayCalendar, policy: ScoringPolicy,
                recordSets: [String] = RecordSetSpec.reference.map(\.name),
                aggregation: ((ProvinceConfig, Quarter) throws -> AggregationCounts)?) {
        self.results = results
        self.recordSets = recordSets
        self.calendar = calendar
        self.policy = policy
        self.aggregation = aggregation
    }

    /// Scores `quarter` for `provinces` from their official runs and lists (docs/rules.md,
    /// "Draft scores"). A province without an official run scores 0 on 10 and 11 with the reason; one
    /// whose official run lacks its list scores 0 on 11 and is named in `problems`.
    public func score(quarter: Quarter, provinces: [ProvinceConfig]) throws -> QuarterScores {
        var scored: [ProvinceScores] = []
        for province in provinces {
            scored.append(try scoreProvince(province, quarter: quarter))
        }
        return QuarterScores(quarter: quarter, policy: policy, calendarVersion: calendar.versionHash,
                             resultsDue: try calendar.resultsDueDate(quarter).value,
                             noticeEnds: try calendar.publicNoticeEnd(quarter).value,
                             provinces: scored)
    }

    private func scoreProvince(_ province: ProvinceConfig, quarter: Quarter) throws -> ProvinceScores {
        // 10 对账差异率: 未在每季度第一周完成数据对账的省份，得0分。
        let official = try OfficialRun.find(province: province.code, quarter: quarter, kind: .reconciliation, on: results)
        // 差异数据记录数量 / 运政业务数据记录总量, counted as the policy reads a record (RecordCounting).
        let indicator10 = try official.map {
            let records = try $0.records(policy.recordCounting, on: results)
            return try DifferenceRateRule.result(differingKeys: records.differing, totalKeys: records.total, policy: policy)
        } ?? DifferenceRateRule.windowMissed(policy: policy)

        // 11 对账整改率: 未在每季度第一周完成数据对账的省份，得0分；对账无差异的省份，得5分。
        let rectificationKind = policy.officialWindowKind(for: .rectificationRate) ?? .reconciliation
        let rectificationRun = rectificationKind == .reconciliation
            ? official
            : try OfficialRun.find(province: province.code, quarter: quarter, kind: rectificationKind, on: results)
        var listID: Int? = nil
        var problems: [String] = []
        let indicator11: IndicatorResult
        if let run = rectificationRun {
            if run.unionKeys == 0 {
                indicator11 = RectificationRateRule.emptyReconciliation(policy: policy)
            } else if run.differingKeys == 0 {
                indicator11 = try RectificationRateRule.result(rectifiedItems: 0, listItems: 0, policy: policy)
            } else if let counts = try RectificationCounts.forRun(run.runID, credit: policy.rectificationCredit, on: results) {
                listID = counts.listID
                let scored = try RectificationRateRule.result(rectifiedItems: counts.onTime, listItems: counts.items, policy: policy)
                // The work left beside the rate: 已一致 / 仍不一致 (shown in tables and the bulletin).
                indicator11 = IndicatorResult(
                    indicator: scored.indicator, numerator: scored.numerator, denominator: scored.denominator, rate: scored.rate,
                    score: scored.score, reasonCode: scored.reasonCode,
                    reason: scored.reason + "；已一致 \(counts.resolved) 项，仍不一致 \(counts.items - counts.resolved) 项",
                    policy: scored.policy)
            } else {
                indicator11 = RectificationRateRule.listMissing(runID: run.runID, policy: policy)
                problems.append("official run \(run.runID) has \(run.differingKeys) differing keys but no rectification list; issue it with `recon lists issue --run \(run.runID)` (recon due does so on its next pass)")
            }
        } else {
            indicator11 = RectificationRateRule.windowMissed(policy: policy)
        }

        // 12 数据归集率: the quarter's ministry business records present in the platform.
        let counts = try aggregation?(province, quarter) ?? AggregationCounts(ministryRecords: 0, matchedRecords: 0)
        let indicator12 = try AggregationRateRule.result(matchedRecords: counts.matchedRecords,
                                                         ministryRecords: counts.ministryRecords, policy: policy)
        var scores = ProvinceScores(provinceCode: province.code, provinceName: province.name,
                                    differenceRate: indicator10, rectificationRate: indicator11, aggregationRate: indicator12,
                                    officialRunID: official?.runID, rectificationRunID: rectificationRun?.runID, listID: listID)
        scores.problems = problems
        return scores
    }
}

/// A scoring that cannot be computed as asked.
public struct ScoringRunError: Error, CustomStringConvertible {
    /// The message.
    public let description: String
    /// An error.
    public init(_ description: String) { self.description = description }
}
