import Foundation
import ReconRules

/// A quarter's results as a table a ministry publishes and a province prints — the bulletin
/// (评价结果公布) and the 公示稿 share it: a title, the lines under it, per province 序号, 省份,
/// 排名 (the bulletin only), each indicator's counts, rate and score, 小计, 公示期修正 and 说明, and
/// the 注 generated from the policy (`ScoringPolicy.notes`). docs/rules.md, "The bulletin and the 公示稿".
public struct ResultTable: Sendable {
    /// One province's row.
    public struct Row: Sendable {
        /// 序号, 1…
        public let number: Int
        /// The province code.
        public let provinceCode: String
        /// 省份.
        public let provinceName: String
        /// 排名 (nil in the 公示稿: the rank is shown once published).
        public let rank: Int?
        /// Indicators 10, 11, 12.
        public let results: [IndicatorResult]
        /// 小计 of 15.
        public let subtotal: Score
        /// 公示期修正: the corrections after accepted objections, in Chinese.
        public let corrections: String
        /// 说明: why a result has no rate (a missed window, no data), in Chinese.
        public let remarks: String

        /// The row with 序号 `number`.
        func numbered(_ number: Int) -> Row {
            Row(number: number, provinceCode: provinceCode, provinceName: provinceName, rank: rank, results: results,
                subtotal: subtotal, corrections: corrections, remarks: remarks)
        }
    }

    /// The title, e.g. 2026年第三季度互联网道路运输便民政务服务质量评价（数据质量指标10–12）结果.
    public let title: String
    /// The lines under the title (issuer and date, version, notice, objections), one per line.
    public let lines: [String]
    /// Whether the table has the 排名 column.
    public let ranked: Bool
    /// The rows, in rank order (bulletin) or configuration order (公示稿).
    public let rows: [Row]
    /// 注: one line per note.
    public let notes: [String]

    /// A table.
    public init(title: String, lines: [String], ranked: Bool, rows: [Row], notes: [String]) {
        self.title = title
        self.lines = lines
        self.ranked = ranked
        self.rows = rows
        self.notes = notes
    }

    /// The first day of the public notice: the day the draft was made (Beijing), not before the
    /// results date (第十一条; docs/rules.md, "Public notice and objections").
    public static func noticeStart(_ scores: QuarterScores, draftedAt: Date?) -> CivilDate {
        guard let draftedAt else { return scores.resultsDue }
        return max(scores.resultsDue, BeijingTime.civilDate(of: draftedAt))
    }

    /// `2026年第三季度互联网道路运输便民政务服务质量评价（数据质量指标10–12）结果`.
    public static func title(_ quarter: Quarter) -> String {
        "\(ChineseDateWords.quarter(quarter))互联网道路运输便民政务服务质量评价（数据质量指标10–12）结果"
    }

    /// The words of each indicator's counts: 10 差异/总量, 11 已更新/清单, 12 已归集/业务量.
    static func countWords(_ indicator: Indicator) -> (numerator: String, denominator: String) {
        switch indicator {
        case .differenceRate: return ("差异记录数", "记录总数")
        case .rectificationRate: return ("上传更新数", "清单条目数")
        case .aggregationRate: return ("已归集数", "业务数据量")
        }
    }

    /// A row of `province` (its 公示期修正 given, or taken from its corrected results).
    static func row(number: Int, rank: Int?, province p: ProvinceScores, corrections: String?) -> Row {
        Row(number: number, provinceCode: p.provinceCode, provinceName: p.provinceName, rank: rank, results: p.results,
            subtotal: p.subtotal, corrections: corrections ?? correctionText(p.results), remarks: remarks(p.results))
    }

    /// 公示期修正 of a version: each corrected result's decision, `指标11：异议核对修正：…（异议 5）`.
    static func correctionText(_ results: [IndicatorResult]) -> String {
        results.filter { $0.reasonCode == .corrected }.map { result in
            let decision = result.reason.split(separator: "；", maxSplits: 1).dropFirst().first.map(String.init) ?? result.reason
            return "指标\(result.indicator.number)：\(decision)"
        }.joined(separator: "；")
    }

    /// 说明: why a result has no rate (its Chinese reason without the window's id — the 注 gives
    /// the reading), one entry for indicators with the same reason: `指标10、11：未在每季度第一周完成数据对账`.
    static func remarks(_ results: [IndicatorResult]) -> String {
        var entries: [(numbers: [Int], text: String)] = []
        for result in results where result.reasonCode != .rate && result.reasonCode != .corrected {
            var text = result.reason
            if result.reasonCode == .windowMissed, let open = text.lastIndex(of: "（"), text.hasSuffix("）") {
                text = String(text[..<open])
            }
            text = PolicyLabels.localise(text)
            if let index = entries.firstIndex(where: { $0.text == text }) {
                entries[index].numbers.append(result.indicator.number)
            } else {
                entries.append(([result.indicator.number], text))
            }
        }
        return entries.map { "指标\($0.numbers.map(String.init).joined(separator: "、"))：\($0.text)" }.joined(separator: "；")
    }

    /// Indicator 11's list after tracking — items now consistent and items still differing — as
    /// its reason states them (`…；已一致 N 项，仍不一致 M 项`, `QuarterlyScorer`); nil when not stated.
    static func listState(_ results: [IndicatorResult]) -> (consistent: Int, inconsistent: Int)? {
        guard let eleven = results.first(where: { $0.indicator == .rectificationRate }),
              let match = eleven.reason.firstMatch(of: /已一致 (\d+) 项，仍不一致 (\d+) 项/),
              let consistent = Int(match.1), let inconsistent = Int(match.2) else { return nil }
        return (consistent, inconsistent)
    }

    /// `800/150` for 11's 已一致/仍不一致; `—` when not stated.
    static func listStateText(_ results: [IndicatorResult]) -> String {
        listState(results).map { "\($0.consistent)/\($0.inconsistent)" } ?? "—"
    }

    /// The counts of a result, `52/10000`; `—` when there are none (window missed).
    static func countsText(_ result: IndicatorResult) -> String {
        guard let numerator = result.numerator, let denominator = result.denominator else { return "—" }
        return "\(numerator)/\(denominator)"
    }

    /// The rate of a result as every output shows it (`RateFormat`), `—` when undefined.
    static func rateText(_ result: IndicatorResult) -> String {
        result.rate.map { RateFormat.percent($0, for: result.indicator) } ?? "—"
    }

    // MARK: - CSV

    /// The CSV header: one line, the columns of `csvRows`.
    public var csvHeader: [String] {
        var header = ["序号", "省份代码", "省份"] + (ranked ? ["排名"] : [])
        for indicator in Indicator.allCases {
            let words = Self.countWords(indicator)
            header += ["指标\(indicator.number)\(words.numerator)", "指标\(indicator.number)\(words.denominator)",
                       "指标\(indicator.number)\(indicator.chineseName)", "指标\(indicator.number)得分"]
            if indicator == .rectificationRate { header += ["指标11已一致", "指标11仍不一致"] }
        }
        return header + ["小计（满分15分）", "公示期修正", "说明"]
    }

    /// The CSV rows: counts as whole numbers (empty when there are none), rates as shown, scores
    /// with two decimals, 11's list state (已一致, 仍不一致) as whole numbers.
    public var csvRows: [[String]] {
        rows.map { row in
            var cells = [String(row.number), row.provinceCode, row.provinceName] + (ranked ? [row.rank.map(String.init) ?? ""] : [])
            for result in row.results {
                cells += [result.numerator.map(String.init) ?? "", result.denominator.map(String.init) ?? "",
                          Self.rateText(result), result.score.description]
                if result.indicator == .rectificationRate {
                    let state = Self.listState(row.results)
                    cells += [state.map { String($0.consistent) } ?? "", state.map { String($0.inconsistent) } ?? ""]
                }
            }
            return cells + [row.subtotal.description, row.corrections, row.remarks]
        }
    }
}
