/// Renderings of a quarter's scores: terminal table, CSV rows, JSON.
import ReconRules

extension QuarterScores {
    /// The cell for one result: "0.52%（52/10000） → 5.00", or the reason when there is no rate.
    /// Rates are shown by ``RateFormat`` (up for 10, down for 11 and 12), so a shown rate never
    /// contradicts its score; the score itself is computed from the exact fraction, whose counts
    /// stand beside the rate so that anyone can recompute it (docs/rules.md, "Showing rates").
    public static func cell(_ result: IndicatorResult) -> String {
        "\(rateText(result)) → \(result.score)"
    }

    /// The rate with its counts, `94.80%（94802/100000）`; the reason when there is no rate.
    public static func rateText(_ result: IndicatorResult) -> String {
        guard let rate = result.rate else { return result.reasonCode.chineseText }
        guard let numerator = result.numerator, let denominator = result.denominator else {
            return RateFormat.percent(rate, for: result.indicator)
        }
        return RateFormat.percentWithFraction(numerator, of: denominator, for: result.indicator)
    }

    /// The terminal table with the subtotal of 15 points, the results due date and the notice end.
    public func renderedTable() -> String {
        let table = TextTable(
            headers: ["省份", "名称", "10 对账差异率", "11 对账整改率", "12 数据归集率", "小计(15)"],
            rows: provinces.map { p in
                [p.provinceCode, p.provinceName, Self.cell(p.differenceRate), Self.cell(p.rectificationRate),
                 Self.cell(p.aggregationRate), p.subtotal.description]
            },
            rightAligned: [2, 3, 4, 5])
        return """
            \(quarter) 季度评分 — 指标10–12 (policy \(policy.name), calendar \(calendarVersion))
            \(table.rendered())
            评价结果发布 \(resultsDue)（第八条：每季度次月第10个工作日）；公示期至 \(noticeEnds)（第十一条：公示期为5个工作日）
            """
    }

    /// CSV header and rows, one row per province and indicator: Chinese only — the reason in
    /// words (policy ids as their labels) and the policy by its document, no English codes
    /// (issue 26; docs/rules.md, "The bulletin and the 公示稿").
    public var csvRows: [[String?]] {
        var rows: [[String?]] = [["季度", "省份代码", "省份", "指标", "指标名称", "分子", "分母", "比率", "得分", "原因", "评分依据"]]
        for p in provinces {
            for r in p.results {
                rows.append([quarter.description, p.provinceCode, p.provinceName, String(r.indicator.number),
                             r.indicator.chineseName, r.numerator.map(String.init), r.denominator.map(String.init),
                             r.rate.map { RateFormat.percent($0, for: r.indicator) }, r.score.description,
                             PolicyLabels.localise(r.reason), PolicyLabels.label(of: r.policy) ?? r.policy])
            }
        }
        return rows
    }
}
