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
    /// ones carry the accept and reject forms: labelled fields, the indicator's current numerator
    /// and denominator (from `scores`, the version on notice), and a confirmation before sending.
    static func table(_ objections: [Objection], decide csrf: String?, names: [String: String] = [:],
                      scores: ScoresJSON? = nil) -> String {
        guard !objections.isEmpty else { return "<p class=\"muted\">暂无异议。</p>" }
        var html = "<div class=\"wide\"><table class=\"objections\"><tr><th>编号</th><th>季度</th><th>省份</th><th>指标</th><th>异议内容</th><th>提出</th><th>状态</th><th>处理</th></tr>"
        for o in objections {
            var decision = o.decidedAt.map { "\(HTML.time(BeijingTimeFormat.human($0))) \(HTML.escape(o.decidedBy ?? ""))：\(HTML.escape(o.decisionReason ?? ""))" } ?? ""
            if let id = o.correctionID { decision += "（修正版本 \(id)）" }
            if let csrf, o.status == .open {
                let indicatorName = ScoresSection.names[o.indicator.number] ?? "指标\(o.indicator.number)"
                let current = scores?.scores.first { $0.provinceCode == o.provinceCode }?.indicators.first { $0.indicator == o.indicator.number }
                let n = current?.numerator.map { String($0) } ?? "", d = current?.denominator.map { String($0) } ?? ""
                let now = current.map { "当前分子 \($0.numerator.map { String($0) } ?? "—") / 分母 \($0.denominator.map { String($0) } ?? "—")（\($0.ratePercent.map { "\($0)%" } ?? "—")，得分 \($0.score)）" }
                    ?? "当前分子、分母未知"
                let province = HTML.escape(names[o.provinceCode] ?? o.provinceCode)
                decision += """
                    <form class="decide" method="post" action="/objections/\(o.id)/accept" data-confirm="确认采纳异议 \(o.id)（\(province) \(indicatorName)），按所填分子、分母重新计分并生成修正版本？"><input type="hidden" name="csrf" value="\(csrf)">
                    <p class="muted">\(now)</p>
                    <label>修正后分子 <input name="numerator" value="\(n)" size="7" required inputmode="numeric" pattern="[0-9]+"></label>
                    <label>修正后分母 <input name="denominator" value="\(d)" size="7" required inputmode="numeric" pattern="[0-9]+"></label>
                    <label>采纳理由 <input name="reason" size="24" maxlength="1000" required></label><button type="submit">采纳并修正</button></form>
                    <form class="decide" method="post" action="/objections/\(o.id)/reject" data-confirm="确认不予采纳异议 \(o.id)（\(province) \(indicatorName)）？评分保持不变。"><input type="hidden" name="csrf" value="\(csrf)">
                    <label>不予采纳理由 <input name="reason" size="24" maxlength="1000" required></label><button type="submit">不予采纳</button></form>
                    """
            }
            html += """
                <tr><td class="num">\(o.id)</td><td>\(o.quarter)</td><td class="nowrap">\(HTML.escape(names[o.provinceCode] ?? o.provinceCode))</td>
                <td class="nowrap">\(ScoresSection.names[o.indicator.number] ?? "")</td><td class="text">\(HTML.escape(o.text))</td>
                <td>\(HTML.time(BeijingTimeFormat.human(o.raisedAt))) \(HTML.escape(o.raisedBy))</td><td class="nowrap">\(o.status.label)</td><td>\(decision)</td></tr>
                """
        }
        return html + "</table></div>"
    }
}
