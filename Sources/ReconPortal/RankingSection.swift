import Foundation
import PostgresClient
import ReconKit
import ReconRules

/// The ranking of all provinces for a quarter: the published bulletin once there is one (frozen
/// at publication, 第十一条: 公示期结束后…公布评价结果), else the version on public notice ranked by
/// subtotal, marked as not yet published.
enum RankingSection {
    struct Table {
        let published: Bool
        let caption: String
        let header: [String]
        let rows: [[String]]
    }

    /// The bulletin of `quarter` when published, else the ranking of `scores` (the current version).
    /// (`scores` of `quarter` not at stage `published` tells there is no publication: none is looked for.)
    static func ranking(quarter: Quarter, scores: ScoresJSON, on connection: Connection) throws -> Table? {
        let unpublished = scores.quarter == quarter.description && scores.stage != "published"
        if !unpublished, let publication = try Publication.current(quarter, on: connection) {
            let bulletin = try Bulletin.read(publication, on: connection)
            return Table(published: true, caption: bulletin.preamble.joined(separator: " · "), header: Bulletin.header,
                           rows: bulletin.rows.map { $0.map(PolicyLabels.localise) })
        }
        guard scores.quarter == quarter.description, !scores.scores.isEmpty else { return nil }
        let hundredths = scores.scores.map { p in (p.provinceCode, p.indicators.reduce(0) { $0 + hundredthsOf($1.score) }) }
        let ranks = Ranking.rank(hundredths.map { (provinceCode: $0.0, subtotalHundredths: $0.1) })
        let byCode = Dictionary(uniqueKeysWithValues: scores.scores.map { ($0.provinceCode, $0) })
        let rows = ranks.compactMap { entry -> [String]? in
            guard let p = byCode[entry.provinceCode] else { return nil }
            var row = [String(entry.rank), p.provinceCode, p.provinceName]
            for number in [10, 11, 12] {
                let r = p.indicators.first { $0.indicator == number }
                row.append(r.map(rateWithCounts) ?? "—")
                row.append(r?.score ?? "—")
            }
            row.append(p.subtotal)
            return row
        }
        return Table(published: false, caption: "公示稿排名（尚未公布，以公布结果为准）",
                       header: ["排名", "省份代码", "省份", "10 对账差异率", "得分", "11 对账整改率", "得分", "12 数据归集率", "得分", "小计(15)"],
                       rows: rows)
    }

    /// The rate with the counts behind it, as the bulletin writes it (`33.33%（1/3）`), so that
    /// anyone can recompute the score (注6 rounds the score, the display truncates the rate);
    /// `—` without a rate.
    static func rateWithCounts(_ result: IndicatorScoreJSON) -> String {
        guard let rate = result.ratePercent else { return "—" }
        guard let numerator = result.numerator, let denominator = result.denominator else { return rate + "%" }
        return "\(rate)%（\(numerator)/\(denominator)）"
    }

    /// `4.50` → 450.
    static func hundredthsOf(_ text: String) -> Int {
        let parts = text.split(separator: ".")
        return (Int(parts.first ?? "0") ?? 0) * 100 + (parts.count > 1 ? Int(parts[1]) ?? 0 : 0)
    }

    static func render(_ ranking: Table?, quarter: Quarter) -> String {
        var html = "<h2>\(quarter) 各省排名</h2>"
        guard let ranking, !ranking.rows.isEmpty else { return html + HTML.noData }
        html += "<p>\(ranking.published ? "<span class=\"tag official\">已公布</span> " : "<span class=\"tag\">公示中</span> ")\(HTML.escape(ranking.caption))</p>"
        html += "<div class=\"wide\"><table><tr>" + ranking.header.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr>"
        for row in ranking.rows { html += "<tr>" + row.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>" }
        return html + "</table></div>"
    }
}
