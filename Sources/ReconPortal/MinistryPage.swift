import Foundation
import ReconKit
import ReconRules

/// The ministry's page: every province in one table (sortable by links, no script) and an inline
/// SVG bar chart of rectification rates (indicator 11: 在5个工作日内上传更新数据记录的数量与差异数据
/// 记录总量的比率).
enum MinistryPage {
    /// What the ministry's page shows for one quarter.
    struct MinistryView {
        let caller: PortalCaller
        let csrf: String
        let quarters: [Quarter]
        let quarter: Quarter?
        let rows: [Row]
        let lists: [Int64: RectificationList]
        let states: [Int64: ListStateCounts]
        let scores: ScoresJSON
        let ranking: RankingSection.Table?
        let objections: [Objection]
        let provinceNames: [String: String]
        let sort: String
        let now: Date
    }

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

    static func render(_ view: MinistryView) -> String {
        var html = HTML.userBar(view.caller, csrf: view.csrf, now: view.now)
        html += HTML.quarterPicker(view.quarters, current: view.quarter, path: "/")
        guard let quarter = view.quarter else { return html + "<h2>各省整改进度</h2>" + HTML.noData + ScoresSection.render(view.scores) }
        let q = quarter.description
        func header(_ key: String) -> String {
            let label = sortKeys[key] ?? key
            return key == view.sort ? "<th>\(label) ▼</th>" : "<th><a href=\"/?quarter=\(q)&amp;sort=\(key)\">\(label)</a></th>"
        }
        html += "<h2>\(q) 各省整改进度</h2>"
        let ordered = sorted(view.rows, by: view.sort)
        if ordered.isEmpty {
            html += HTML.noData
        } else {
            html += "<div class=\"wide\"><table><tr>\(header("code"))<th>省份</th><th>类型</th><th>下发</th><th>截止</th><th>首次接收</th>\(header("items"))"
                + "<th>按期</th><th>逾期</th>\(header("outstanding"))<th>已一致</th>\(header("rate"))<th>进度</th><th>剩余工作日</th><th>评分小计</th><th>下载</th></tr>"
            for row in ordered {
                let p = row.progress, list = view.lists[p.listID]
                html += """
                    <tr><td>\(HTML.escape(row.code))</td><td class="nowrap"><a href="/provinces/\(row.code)?quarter=\(q)">\(HTML.escape(row.name))</a></td>
                    <td>\(p.official ? "<span class=\"tag official\">正式</span>" : "<span class=\"tag\">自查</span>")</td>
                    <td>\(HTML.time(BeijingTimeFormat.human(p.issuedAt)))</td><td>\(HTML.time(BeijingTimeFormat.humanDeadline(end: p.deadline)))</td>
                    <td>\(list?.firstDownloadAt.map { HTML.time(BeijingTimeFormat.human($0)) } ?? "<span class=\"muted nowrap\">未接收</span>")</td>
                    <td class="num"><a href="/lists/\(p.listID)">\(p.items)</a></td>
                    <td class="num">\(p.onTime)</td><td class="num">\(p.late)</td><td class="num">\(p.outstanding)</td>
                    <td class="num">\(p.resolved)</td><td class="num">\(p.rate?.percentLabel ?? "—")</td><td>\(ProgressBar.render(view.states[p.listID]))</td>
                    <td class="nowrap">\(p.workingDaysLeft.map { $0 == 0 ? "已截止" : "\($0)" } ?? "—")</td><td class="num">\(row.subtotal ?? "—")</td>
                    <td class="actions"><a class="button" href="/api/lists/\(p.listID)/download?format=xlsx">XLSX</a><a class="button" href="/api/lists/\(p.listID)/download?format=csv">CSV</a></td></tr>
                    """
            }
            html += "</table></div>" + ProgressBar.legend
                + "<p class=\"muted\">每省显示其本季度应答的清单：正式对账清单，无正式清单时为最新的自查清单。部级下载不计为省级接收。</p>"
                + "<h2>整改率（按期上传 / 条目）</h2>" + chart(ordered)
        }
        html += RankingSection.render(view.ranking, quarter: quarter)
        html += "<h2>\(q) 异议</h2>" + ObjectionsSection.table(view.objections, decide: view.csrf, names: view.provinceNames, scores: view.scores)
        return html + ScoresSection.render(view.scores)
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
