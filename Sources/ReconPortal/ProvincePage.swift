import Foundation
import ReconKit
import ReconRules

/// What a province's page shows for one quarter (the province itself, or the ministry drilling
/// down into it).
struct ProvinceView {
    let viewer: PortalCaller
    let csrf: String
    let provinceCode: String
    let provinceName: String
    let quarters: [Quarter]
    let quarter: Quarter?
    let lists: [RectificationList]
    let progress: [Int64: ListProgress]
    let states: [Int64: ListStateCounts]
    let scores: ScoresJSON
    let history: [HistoryJSON]
    let objections: [Objection]
    /// The end of the public notice while objections can be raised (第十一条), else nil.
    let objectionsOpenUntil: CivilDate?
    let now: Date
}

/// A province's page: the quarter's lists (progress split, working days left, deadline, 接收时间,
/// items, downloads), the quarter's three scores, the history across quarters with its trend, and
/// the objections of the public notice.
enum ProvincePage {
    static func render(_ view: ProvinceView) -> String {
        var html = HTML.userBar(view.viewer, csrf: view.csrf, now: view.now)
        let path = view.viewer.isMinistry ? "/provinces/\(view.provinceCode)" : "/"
        if view.viewer.isMinistry {
            html += "<p><a href=\"/\(view.quarter.map { "?quarter=\($0)" } ?? "")\">← 返回部级总览</a> · 以 \(HTML.escape(view.provinceName)) 视角查看</p>"
        }
        html += HTML.quarterPicker(view.quarters, current: view.quarter, path: path)
        html += "<h2>\(view.quarter.map { "\($0) " } ?? "")整改清单</h2>"
        if view.lists.isEmpty {
            html += HTML.noData
        } else {
            html += listsTable(view.lists, view: view, showProvince: false)
        }
        html += ScoresSection.render(view.scores)
        html += ObjectionsSection.render(view)
        html += HistorySection.render(view.history)
        return html
    }

    /// The lists with their progress; the ministry's table adds the province.
    static func listsTable(_ lists: [RectificationList], view: ProvinceView?, showProvince: Bool,
                           progress: [Int64: ListProgress]? = nil, states: [Int64: ListStateCounts]? = nil) -> String {
        let progress = progress ?? view?.progress ?? [:], states = states ?? view?.states ?? [:]
        var html = "<div class=\"wide\"><table><tr>" + (showProvince ? "<th>省份</th>" : "")
            + "<th>清单</th><th>类型</th><th>下发时间</th><th>整改截止</th><th>剩余工作日</th><th>条目</th>"
            + ProgressBar.order.map { "<th>\(HTML.header($0.label))</th>" }.joined()
            + "<th>整改率</th><th>进度</th><th>首次接收</th><th>条目与下载</th></tr>"
        for list in lists.sorted(by: { ($0.provinceCode, $1.official ? 1 : 0, $1.id) < ($1.provinceCode, $0.official ? 1 : 0, $0.id) }) {
            let row = progress[list.id], counts = states[list.id] ?? ListStateCounts()
            let left = row?.workingDaysLeft.map { $0 == 0 ? "已截止" : "\($0) 个工作日" } ?? "—"
            html += "<tr>" + (showProvince
                ? "<td class=\"nowrap\"><a href=\"/provinces/\(list.provinceCode)?quarter=\(list.quarter)\">\(HTML.escape(list.provinceName))</a></td>" : "")
            html += """
                <td class="num">\(list.id)</td><td>\(list.official ? "<span class=\"tag official\">正式</span>" : "<span class=\"tag\">自查</span>")</td>
                <td>\(HTML.time(BeijingTimeFormat.human(list.issuedAt)))</td><td>\(HTML.time(BeijingTimeFormat.humanDeadline(end: list.deadline)))</td><td class="nowrap">\(left)</td>
                <td class="num">\(list.itemCount)</td>
                """
            html += ProgressBar.order.map { "<td class=\"num\">\(counts[$0])</td>" }.joined()
            html += """
                <td class="num">\(row?.rate?.percentLabel ?? "—")</td><td>\(ProgressBar.render(states[list.id]))</td>
                <td>\(list.firstDownloadAt.map { HTML.time(BeijingTimeFormat.human($0)) } ?? "<span class=\"muted nowrap\">未下载</span>")</td>
                <td class="actions"><a class="button" href="/lists/\(list.id)">查看条目</a><a class="button" href="/api/lists/\(list.id)/download?format=xlsx">XLSX</a>\
                <a class="button" href="/api/lists/\(list.id)/download?format=csv">CSV</a></td></tr>
                """
        }
        return html + "</table></div>" + ProgressBar.legend
            + "<p class=\"muted\">整改截止为下发后第5个工作日24:00（北京时间，按工作日历）；首次接收为省级首次下载清单的时间。</p>"
    }
}

/// The quarter's three scores with their rates, per province (policy ids in Chinese): the stage
/// in words (公示中 until D / 公示期已结束，待公布 / 已公布, version N), the rank once published, and
/// for each indicator the counts behind the rate, its band under the rule and the deduction
/// (``ScoreExplanation``).
enum ScoresSection {
    static let names = [10: "指标10 对账差异率", 11: "指标11 对账整改率", 12: "指标12 数据归集率"]

    static func render(_ scores: ScoresJSON) -> String {
        guard let quarter = scores.quarter, !scores.scores.isEmpty else {
            return "<h2>季度评分</h2><p class=\"muted\">暂无数据（尚无评分结果）。</p>"
        }
        var html = "<h2>\(HTML.escape(quarter)) 季度评分</h2>"
        if let label = scores.stageLabel {
            let tag = scores.stage == "published" ? "<span class=\"tag official\">已公布</span>" : "<span class=\"tag\">\(scores.stage == "onNotice" ? "公示中" : "待公布")</span>"
            html += "<p class=\"stage\">\(tag) \(HTML.escape(label))</p>"
        }
        if scores.scores.count == 1, let only = scores.scores.first {
            html += only.rank.map { "<p class=\"stage\">\(HTML.escape(only.provinceName))本季度排名：第 \($0) 名（小计 \(only.subtotal) 分，满分15）</p>" }
                ?? (scores.stage == "published" ? "" : "<p class=\"muted\">排名在评价结果公布后显示。</p>")
        }
        html += "<div class=\"wide\"><table class=\"scores\"><tr><th>省份</th><th>指标</th><th>比率</th><th>分子/分母</th><th>得分（满分5）</th><th>计分依据</th><th>说明</th></tr>"
        for province in scores.scores {
            for result in province.indicators {
                let fraction = result.numerator.map { n in result.denominator.map { "\(n)/\($0)" } ?? "\(n)/—" } ?? "—"
                let basis = result.band.map { "\(HTML.escape($0))；\(HTML.escape(result.deduction ?? ""))" } ?? HTML.escape(result.deduction ?? "—")
                html += """
                    <tr><td class="nowrap">\(HTML.escape(province.provinceName))</td><td class="nowrap">\(names[result.indicator] ?? "指标\(result.indicator)")</td>
                    <td class="num">\(result.ratePercent.map { $0 + "%" } ?? "—")</td><td class="num">\(fraction)</td>
                    <td class="num">\(result.score)</td><td>\(basis)</td><td>\(HTML.escape(PolicyLabels.localise(result.reason)))</td></tr>
                    """
            }
            let rank = province.rank.map { "（第 \($0) 名）" } ?? ""
            html += "<tr><th colspan=\"4\">\(HTML.escape(province.provinceName)) 小计（满分15）\(rank)</th><th class=\"num\">\(province.subtotal)</th><th colspan=\"2\"></th></tr>"
        }
        return html + "</table></div>"
    }
}

/// The scores across quarters: a table (each rate with its counts, `33.33%（1/3） · 0.00 分`) and a
/// server-rendered SVG trend of the subtotal.
enum HistorySection {
    static func render(_ history: [HistoryJSON]) -> String {
        var html = "<h2>历史评分</h2>"
        guard !history.isEmpty else { return html + HTML.noData }
        html += TrendChart.render(history)
        html += "<div class=\"wide\"><table><tr><th>季度</th><th>版本</th><th>指标10</th><th>指标11</th><th>指标12</th><th>小计（满分15）</th></tr>"
        for quarter in history.reversed() {
            func cell(_ number: Int) -> String {
                guard let r = quarter.indicators.first(where: { $0.indicator == number }) else { return "<td>—</td>" }
                let counts = r.ratePercent == nil ? "" : r.numerator.flatMap { n in r.denominator.map { "（\(n)/\($0)）" } } ?? ""
                return "<td class=\"num\">\(r.ratePercent.map { $0 + "%" } ?? "—")\(counts) · \(r.score) 分</td>"
            }
            html += "<tr><td><a href=\"?quarter=\(quarter.quarter)\">\(quarter.quarter)</a></td><td>第\(quarter.version)版\(quarter.published ? "（已公布）" : "（公示稿）")</td>"
                + cell(10) + cell(11) + cell(12) + "<td class=\"num\">\(quarter.subtotal)</td></tr>"
        }
        return html + "</table></div>"
    }
}

/// A small line chart of the subtotal (0–15) per quarter, inline SVG (no script, no external file).
enum TrendChart {
    static func render(_ history: [HistoryJSON]) -> String {
        let left = 40, top = 12, plotWidth = 480, plotHeight = 150, step = history.count > 1 ? plotWidth / (history.count - 1) : 0
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(left + plotWidth + 40)\" height=\"\(top + plotHeight + 34)\" role=\"img\" aria-label=\"评分小计趋势\">"
        for tick in [0, 5, 10, 15] {
            let y = top + plotHeight - tick * plotHeight / 15
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(left + plotWidth)\" y2=\"\(y)\" stroke=\"#d0d4da\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\" font-size=\"11\">\(tick)</text>"
        }
        // y of a subtotal in hundredths: exact integer arithmetic on the 0–1500 scale.
        let points = history.enumerated().map { index, q in
            (left + (history.count > 1 ? index * step : plotWidth / 2), top + plotHeight - q.subtotalHundredths * plotHeight / 1500, q)
        }
        svg += "<polyline fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\" points=\"" + points.map { "\($0.0),\($0.1)" }.joined(separator: " ") + "\"/>"
        for (x, y, q) in points {
            svg += "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"4\" fill=\"#1f4e79\"><title>\(q.quarter) 小计 \(q.subtotal)</title></circle>"
            svg += "<text x=\"\(x)\" y=\"\(y - 8)\" text-anchor=\"middle\" font-size=\"11\">\(q.subtotal)</text>"
            svg += "<text x=\"\(x)\" y=\"\(top + plotHeight + 18)\" text-anchor=\"middle\" font-size=\"12\">\(q.quarter)</text>"
        }
        return svg + "</svg>"
    }
}
