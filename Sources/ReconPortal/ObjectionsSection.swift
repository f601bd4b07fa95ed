import Foundation
import ReconKit
import ReconRules

/// Objections (异议) of the public notice (第十一条: 对评价结果有异议的，可在公示期内提请核对修正;
/// docs/rules.md, "The quarter's lifecycle"): the province raises one per indicator while the
/// notice lasts; the ministry accepts it with a correction or rejects it with a reason; both see
/// the status and the history.
enum ObjectionsSection {
    /// The province's side (also shown to the ministry drilling down, without the forms).
    static func render(_ view: ProvinceView) -> String {
        var html = "<h2>异议（公示期）</h2>"
        if let until = view.objectionsOpenUntil, let quarter = view.quarter {
            html += "<p>\(quarter) 评价结果公示中，公示期至 \(until) 24:00（北京时间）。对评价结果有异议的，可在公示期内提请核对修正（每个指标一项）。</p>"
            if !view.viewer.isMinistry {
                for number in [10, 11, 12] {
                    if view.objections.contains(where: { $0.indicator.number == number && $0.status == .open }) {
                        html += "<p class=\"muted\">\(ScoresSection.names[number] ?? "")：已提出异议，待部级处理。</p>"
                        continue
                    }
                    html += """
                        <form method="post" action="/objections"><input type="hidden" name="csrf" value="\(view.csrf)">
                        <input type="hidden" name="quarter" value="\(quarter)"><input type="hidden" name="indicator" value="\(number)">
                        <label>\(ScoresSection.names[number] ?? "")的异议内容<br><textarea name="text" rows="2" maxlength="1000" required></textarea></label>
                        <button type="submit">提出异议</button></form>
                        """
                }
            }
        } else {
            html += "<p class=\"muted\">当前不在公示期，不能提出异议。</p>"
        }
        return html + table(view.objections, decide: nil)
    }

    /// The objections with their decisions; with `decide` (the ministry's CSRF token), the open
    /// ones carry the accept and reject forms.
    static func table(_ objections: [Objection], decide csrf: String?, names: [String: String] = [:]) -> String {
        guard !objections.isEmpty else { return "<p class=\"muted\">暂无异议。</p>" }
        var html = "<table><tr><th>编号</th><th>季度</th><th>省份</th><th>指标</th><th>异议内容</th><th>提出</th><th>状态</th><th>处理</th></tr>"
        for o in objections {
            var decision = o.decidedAt.map { "\(BeijingTimeFormat.human($0)) \(HTML.escape(o.decidedBy ?? ""))：\(HTML.escape(o.decisionReason ?? ""))" } ?? ""
            if let id = o.correctionID { decision += "（修正版本 \(id)）" }
            if let csrf, o.status == .open {
                decision += """
                    <form method="post" action="/objections/\(o.id)/accept"><input type="hidden" name="csrf" value="\(csrf)">
                    修正为 <input name="numerator" size="6" required inputmode="numeric"> / <input name="denominator" size="6" required inputmode="numeric">
                    理由 <input name="reason" size="24" required><button type="submit">采纳并修正</button></form>
                    <form method="post" action="/objections/\(o.id)/reject"><input type="hidden" name="csrf" value="\(csrf)">
                    理由 <input name="reason" size="24" required><button type="submit">不予采纳</button></form>
                    """
            }
            html += """
                <tr><td class="num">\(o.id)</td><td>\(o.quarter)</td><td>\(HTML.escape(names[o.provinceCode] ?? o.provinceCode))</td>
                <td>\(ScoresSection.names[o.indicator.number] ?? "")</td><td>\(HTML.escape(o.text))</td>
                <td>\(BeijingTimeFormat.human(o.raisedAt)) \(HTML.escape(o.raisedBy))</td><td>\(o.status.label)</td><td>\(decision)</td></tr>
                """
        }
        return html + "</table>"
    }
}
