import Foundation
import ReconKit
import ReconRules

/// The items browser of one list: filters (key, record set, category, state), a page of items,
/// each expandable to its differing fields with both sides' values, pagination, and "download
/// what I see" (the same filter as CSV or XLSX, written by the project's list writers).
struct ItemsView {
    let viewer: PortalCaller
    let csrf: String
    let list: RectificationList
    let progress: ListProgress?
    let states: ListStateCounts?
    let filter: ListItemFilter
    let status: String?
    let total: Int
    let page: Int
    let size: Int
    let items: [ListItemJSON]
    let recordSets: [RecordSetSpec]
    let now: Date
    /// The list's record sets whose 疑似同一记录 pairing was skipped (issue 25 case 12).
    var pairingSkipped: [SuspectPairingSkip] = []
}

enum ItemsPage {
    static let statuses: [(String, String)] = [("outstanding", "尚未一致（全部待办）")]
        + ItemProgressState.allCases.map { ($0.rawValue, $0.label) }

    /// The filter as query text (`&q=…&set=…`), for links.
    static func query(_ view: ItemsView, size: Bool = true) -> String {
        var parts: [String] = []
        func add(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            parts.append("\(name)=\(value.addingPercentEncoding(withAllowedCharacters: HTML.urlSafe) ?? "")")
        }
        add("q", view.filter.keyContains)
        add("set", view.filter.recordSet)
        add("category", view.filter.category)
        add("status", view.status)
        if size { add("size", String(view.size)) }
        return parts.map { "&amp;" + $0 }.joined()
    }

    static func render(_ view: ItemsView) -> String {
        let list = view.list
        var html = HTML.userBar(view.viewer, csrf: view.csrf, now: view.now)
        html += "<p><a href=\"/\(view.viewer.isMinistry ? "provinces/\(list.provinceCode)" : "")?quarter=\(list.quarter)\">← 返回\(HTML.escape(list.provinceName)) \(list.quarter)</a></p>"
        let consistent = view.states?[.consistent] ?? 0
        let left = view.progress?.workingDaysLeft.map { $0 == 0 ? "已截止" : "剩余 \($0) 个工作日" } ?? ""
        html += """
            <h2>整改清单 \(list.id) · \(HTML.escape(list.provinceName)) · \(list.quarter) \(list.official ? "<span class=\"tag official\">正式</span>" : "<span class=\"tag\">自查</span>")</h2>
            <p>下发 \(HTML.time(BeijingTimeFormat.human(list.issuedAt))) · 整改截止 \(HTML.time(BeijingTimeFormat.humanDeadline(end: list.deadline))) <span class="nowrap">\(left)</span> ·
            首次接收 \(list.firstDownloadAt.map { HTML.time(BeijingTimeFormat.human($0)) } ?? "未下载") · <span class="nowrap">条目 \(list.itemCount)</span> ·
            <span class="nowrap">已一致 \(consistent) 条</span> · <span class="nowrap">仍不一致 \((view.states?.items ?? 0) - consistent) 条</span></p>
            \(ProgressBar.render(view.states))
            """
        html += ProgressBar.legend
        for skip in view.pairingSkipped { html += "<p class=\"suspect\">疑似同一记录未配对：\(HTML.escape(skip.line))</p>" }
        // The filter form: GET, so that the URL is the view (bookmarkable, and what the download takes).
        func option(_ value: String, _ label: String, _ selected: String?) -> String {
            "<option value=\"\(HTML.escape(value))\"\(value == selected ? " selected" : "")>\(HTML.escape(label))</option>"
        }
        html += "<form class=\"filters\" method=\"get\" action=\"/lists/\(list.id)\">"
            + "<label>关键字 <input name=\"q\" value=\"\(HTML.escape(view.filter.keyContains ?? ""))\" maxlength=\"100\" placeholder=\"如 豫A12345\"></label>"
            + "<label>数据类别 <select name=\"set\">" + option("", "全部", view.filter.recordSet ?? "")
            + list.recordSets.map { option($0, ListLabels.recordSet($0, in: view.recordSets), view.filter.recordSet) }.joined() + "</select></label>"
            + "<label>差异类型 <select name=\"category\">" + option("", "全部", view.filter.category ?? "")
            + ListSummary.categoryOrder.map { option($0, ListLabels.category($0), view.filter.category) }.joined() + "</select></label>"
            + "<label>整改状态 <select name=\"status\">" + option("", "全部", view.status ?? "")
            + statuses.map { option($0.0, $0.1, view.status) }.joined() + "</select></label>"
            + "<label>每页 <select name=\"size\">" + [20, 50, 100, 200].map { option(String($0), String($0), String(view.size)) }.joined() + "</select></label>"
            + "<button type=\"submit\">筛选</button><a class=\"button\" href=\"/lists/\(list.id)\">清除</a></form>"
        let pages = max(1, (view.total + view.size - 1) / view.size)
        let filterQuery = query(view, size: false)
        html += "<p>共 \(view.total) 条（第 \(view.page)/\(pages) 页）· 下载当前筛选结果："
            + "<a class=\"button\" href=\"/api/lists/\(list.id)/download?format=xlsx\(filterQuery)\">XLSX</a>"
            + "<a class=\"button\" href=\"/api/lists/\(list.id)/download?format=csv\(filterQuery)\">CSV</a></p>"
        guard !view.items.isEmpty else { return html + HTML.noData }
        html += "<div class=\"wide\"><table class=\"items\"><tr><th>序号</th><th>数据类别</th><th>关键字</th><th>差异类型</th><th>部级条数</th><th>省级条数</th><th>整改状态</th><th>上传时间</th><th>字段（部级 / 省级）</th></tr>"
        for item in view.items {
            var fields = "—"
            if !item.fields.isEmpty {
                fields = "<details><summary>\(item.fields.count) 个字段不一致</summary><div class=\"wide detail\"><table><tr><th>字段</th><th>部级</th><th>省级</th></tr>"
                    + item.fields.map { f in
                        "<tr><td>\(HTML.escape(f.label))</td><td>\(HTML.escape(f.ministry ?? "（空）"))</td><td>\(HTML.escape(f.province ?? "（空）"))</td></tr>"
                    }.joined() + "</table></div></details>"
            }
            if !item.rows.isEmpty {
                // One column per record, one line per field: the records of a key side by side, field
                // by field (a record's 15 core fields in a row would run off the page).
                let labels = item.rows.first?.values.map(\.label) ?? []
                fields = "<details><summary>\(item.rowsTotal) 条记录</summary><div class=\"wide detail\"><table><tr><th>字段</th>"
                    + item.rows.map { "<th>\($0.side == "ministry" ? "部级" : "省级")</th>" }.joined() + "</tr>"
                    + labels.enumerated().map { index, label in
                        "<tr><td class=\"nowrap\">\(HTML.escape(label))</td>"
                            + item.rows.map { row in
                                "<td>\(HTML.escape(index < row.values.count ? row.values[index].value ?? "（空）" : "（空）"))</td>"
                            }.joined() + "</tr>"
                    }.joined() + "</table></div>"
                    + (item.rowsTotal > item.rows.count ? "<p class=\"muted\">仅显示前 \(item.rows.count) 条。</p>" : "") + "</details>"
            }
            if let hint = item.suspectHint, let partner = item.suspectItemNo {
                fields += "<p class=\"suspect\">\(HTML.escape(hint))（见序号 \(partner)）</p>"
            }
            html += """
                <tr><td class="num">\(item.itemNo)</td><td class="nowrap">\(HTML.escape(ListLabels.recordSet(item.recordSet, in: view.recordSets)))</td>
                <td class="key">\(HTML.escape(item.key))</td><td class="nowrap">\(HTML.escape(ListLabels.category(item.category)))</td>
                <td class="num">\(item.ministryCount)</td><td class="num">\(item.provinceCount)</td>
                <td><span class="tag \(item.status)">\(item.statusLabel)</span></td><td>\(item.reuploadedAt.map { HTML.time(HTML.isoWithoutOffset($0)) } ?? "—")</td>
                <td>\(fields)</td></tr>
                """
        }
        html += "</table></div><p>"
        let sizeQuery = query(view)
        if view.page > 1 { html += "<a class=\"button\" href=\"/lists/\(list.id)?page=\(view.page - 1)\(sizeQuery)\">上一页</a>" }
        if view.page < pages { html += "<a class=\"button\" href=\"/lists/\(list.id)?page=\(view.page + 1)\(sizeQuery)\">下一页</a>" }
        return html + "</p>"
    }
}
