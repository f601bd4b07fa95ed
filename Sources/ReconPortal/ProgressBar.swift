import ReconKit
import ReconRules

/// A list's progress bar: the five states of its items (已一致, 已按期上传, 逾期上传, 待整改（期限内）,
/// 已逾期未上传) as shares of the items, widths in exact hundredths of a percent (integer
/// arithmetic). A list issued minutes ago is all 待整改（期限内）, not red.
enum ProgressBar {
    static let order: [ItemProgressState] = [.consistent, .onTime, .late, .pending, .overdue]

    static func render(_ counts: ListStateCounts?) -> String {
        guard let counts, counts.items > 0 else { return "<span class=\"muted\">无条目</span>" }
        func width(_ count: Int) -> String { RectificationRate(count, of: counts.items)?.percentText ?? "0.00" }
        let title = order.map { "\($0.label) \(counts[$0])" }.joined(separator: " · ")
        return "<div class=\"bar\" title=\"\(title)\">" + order.map { state in
            "<span class=\"\(state.rawValue)\" style=\"width:\(width(counts[state]))%\"></span>"
        }.joined() + "</div>"
    }

    static let legend = "<p class=\"legend muted\">进度：" + order.map { "<span class=\"nowrap\"><span class=\"\($0.rawValue)\"></span>\($0.label)</span> " }.joined() + "</p>"
}
