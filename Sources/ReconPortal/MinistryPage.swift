import Foundation
import ReconKit
import ReconRules

/// The ministry's page: every province in one table (sortable by links, no script) and an inline
/// SVG bar chart of rectification rates (indicator 11: 在5个工作日内上传更新数据记录的数量与差异数据
/// 记录总量的比率).
enum MinistryPage {
    /// One province's row: the list it answers for the quarter (the official one, else the latest).
    struct Row {
        let code: String
        let name: String
        let progress: ListProgress
        let subtotal: String?
    }

    /// The sort keys offered as column links.
    static let sortKeys = ["code": "省份代码", "rate": "整改率", "outstanding": "未整改", "items": "条目"]

    static func rows(progress: [ListProgress], quarter: Quarter, scores: ScoresJSON) -> [Row] {
        var answering: [String: ListProgress] = [:]
        for row in progress where row.quarter == quarter {
            if let current = answering[row.provinceCode],
               (current.official && !row.official) || (current.official == row.official && current.listID > row.listID) {
                continue
            }
            answering[row.provinceCode] = row
        }
        let subtotals = scores.quarter == quarter.description
            ? Dictionary(uniqueKeysWithValues: scores.scores.map { ($0.provinceCode, $0.subtotal) }) : [:]
        return answering.values.map { Row(code: $0.provinceCode, name: $0.provinceName, progress: $0, subtotal: subtotals[$0.provinceCode]) }
            .sorted { $0.code < $1.code }
    }

    static func sorted(_ rows: [Row], by key: String) -> [Row] {
        switch key {
        case "rate":
            // Exact comparison of on-time/items by cross-multiplication; empty lists last.
            return rows.sorted { a, b in
                let x = a.progress, y = b.progress
                if x.items == 0 || y.items == 0 { return x.items != 0 && y.items == 0 ? true : (x.items == y.items && a.code < b.code) }
                let left = x.onTime * y.items, right = y.onTime * x.items
                return left != right ? left < right : a.code < b.code
            }
        case "outstanding": return rows.sorted { ($0.progress.outstanding, $1.code) > ($1.progress.outstanding, $0.code) }
        case "items": return rows.sorted { ($0.progress.items, $1.code) > ($1.progress.items, $0.code) }
        default: return rows
        }
    }

    static func render(caller: PortalCaller, quarter: Quarter?, rows: [Row], sort: String, scores: ScoresJSON, now: Date) -> String {
        var html = """
            <p>\(HTML.escape(caller.name))（部级，全部省份）· 当前时间 \(BeijingTimeFormat.human(now))
            <form class="inline" method="post" action="/logout"><button type="submit">退出</button></form></p>
            """
        guard let quarter else { return html + "<p class=\"muted\">暂无整改清单。</p>" + ScoresSection.render(scores) }
        let q = quarter.description
        func header(_ key: String) -> String {
            let label = sortKeys[key] ?? key
            return key == sort ? "<th>\(label) ▼</th>" : "<th><a href=\"/?quarter=\(q)&amp;sort=\(key)\">\(label)</a></th>"
        }
        html += "<h2>\(q) 各省整改进度</h2><table><tr>\(header("code"))<th>省份</th>\(header("items"))<th>按期</th><th>逾期</th>"
            + "\(header("outstanding"))<th>已一致</th>\(header("rate"))<th>进度</th><th>剩余工作日</th><th>评分小计</th></tr>"
        let ordered = sorted(rows, by: sort)
        for row in ordered {
            let p = row.progress
            html += """
                <tr><td>\(HTML.escape(row.code))</td><td>\(HTML.escape(row.name))</td><td class="num">\(p.items)</td>
                <td class="num">\(p.onTime)</td><td class="num">\(p.late)</td><td class="num">\(p.outstanding)</td>
                <td class="num">\(p.resolved)</td><td class="num">\(p.rate?.percentLabel ?? "—")</td><td>\(ProgressBar.render(p))</td>
                <td>\(p.workingDaysLeft.map { $0 == 0 ? "已截止" : "\($0)" } ?? "—")</td><td class="num">\(row.subtotal ?? "—")</td></tr>
                """
        }
        html += "</table>" + ProgressBar.legend + "<h2>整改率（按期上传 / 条目）</h2>" + chart(ordered)
        return html + ScoresSection.render(scores)
    }

    /// Horizontal bars, one per province; lengths in whole pixels of a 400-pixel scale (truncated).
    static func chart(_ rows: [Row]) -> String {
        let barHeight = 20, gap = 6, labelWidth = 110, scale = 400
        let height = max(1, rows.count) * (barHeight + gap) + gap
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + scale + 90)\" height=\"\(height)\" role=\"img\" aria-label=\"各省整改率\">"
        for (index, row) in rows.enumerated() {
            let y = gap + index * (barHeight + gap)
            let p = row.progress
            let length = p.items > 0 ? p.onTime * scale / p.items : 0
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\" font-size=\"13\">\(HTML.escape(row.name))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(scale)\" height=\"\(barHeight)\" fill=\"#e3e3e3\"/>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(length)\" height=\"\(barHeight)\" fill=\"#2e7d32\"/>"
            svg += "<text x=\"\(labelWidth + scale + 6)\" y=\"\(y + 15)\" font-size=\"13\">\(p.rate?.percentLabel ?? "—")</text>"
        }
        return svg + "</svg>"
    }
}
