import Foundation
import ReconKit
import ReconRules

/// A province's page: its lists with download buttons, a progress bar per list, days left, and the
/// quarter's three scores.
enum ProvincePage {
    static func render(caller: PortalCaller, lists: [RectificationList], progress: [ListProgress], scores: ScoresJSON,
                       now: Date) -> String {
        let byList = Dictionary(uniqueKeysWithValues: progress.map { ($0.listID, $0) })
        var html = """
            <p>\(HTML.escape(caller.name))（\(HTML.escape(caller.provinceCode ?? ""))）· 当前时间 \(BeijingTimeFormat.human(now))
            <form class="inline" method="post" action="/logout"><button type="submit">退出</button></form></p>
            <h2>整改清单</h2>
            """
        if lists.isEmpty {
            html += "<p class=\"muted\">暂无整改清单。</p>"
        } else {
            html += "<table><tr><th>清单</th><th>季度</th><th>下发时间</th><th>整改截止</th><th>剩余工作日</th><th>条目</th>"
                + "<th>按期</th><th>逾期</th><th>未整改</th><th>已一致</th><th>整改率</th><th>进度</th><th>接收时间</th><th>下载</th></tr>"
            for list in lists.reversed() {
                let row = byList[list.id]
                let left = row?.workingDaysLeft.map { $0 == 0 ? "已截止" : "\($0) 个工作日" } ?? "—"
                html += """
                    <tr><td class="num">\(list.id)\(list.official ? "（正式）" : "")</td><td>\(list.quarter)</td>
                    <td>\(BeijingTimeFormat.human(list.issuedAt))</td><td>\(BeijingTimeFormat.humanDeadline(end: list.deadline))</td><td>\(left)</td>
                    <td class="num">\(list.itemCount)</td><td class="num">\(row?.onTime ?? 0)</td><td class="num">\(row?.late ?? 0)</td>
                    <td class="num">\(row?.outstanding ?? 0)</td><td class="num">\(row?.resolved ?? 0)</td>
                    <td class="num">\(row?.rate?.percentLabel ?? "—")</td><td>\(row.map(ProgressBar.render) ?? "")</td>
                    <td>\(list.firstDownloadAt.map(BeijingTimeFormat.human) ?? "<span class=\"muted\">未下载</span>")</td>
                    <td><a class="button" href="/api/lists/\(list.id)/download?format=xlsx">XLSX</a>\
                    <a class="button" href="/api/lists/\(list.id)/download?format=csv">CSV</a></td></tr>
                    """
            }
            html += "</table>" + ProgressBar.legend
        }
        html += ScoresSection.render(scores)
        return html
    }
}

/// The quarter's three scores with their rates, per province.
enum ScoresSection {
    static let names = [10: "指标10 对账差异率", 11: "指标11 对账整改率", 12: "指标12 数据归集率"]

    static func render(_ scores: ScoresJSON) -> String {
        guard let quarter = scores.quarter, !scores.scores.isEmpty else {
            return "<h2>季度评分</h2><p class=\"muted\">暂无评分结果。</p>"
        }
        var html = "<h2>\(HTML.escape(quarter)) 季度评分</h2><table><tr><th>省份</th><th>指标</th><th>比率</th><th>分子/分母</th><th>得分（满分5）</th><th>说明</th></tr>"
        for province in scores.scores {
            for result in province.indicators {
                let fraction = result.numerator.map { n in result.denominator.map { "\(n)/\($0)" } ?? "\(n)/—" } ?? "—"
                html += """
                    <tr><td>\(HTML.escape(province.provinceName))</td><td>\(names[result.indicator] ?? "指标\(result.indicator)")</td>
                    <td class="num">\(result.ratePercent.map { $0 + "%" } ?? "—")</td><td class="num">\(fraction)</td>
                    <td class="num">\(result.score)</td><td>\(HTML.escape(result.reason))</td></tr>
                    """
            }
            html += "<tr><th colspan=\"4\">\(HTML.escape(province.provinceName)) 小计（满分15）</th><th class=\"num\">\(province.subtotal)</th><th></th></tr>"
        }
        return html + "</table>"
    }
}
