import ReconKit
import ReconRules

/// A progress bar of one list: on time / late / outstanding as shares of the items, widths in
/// exact hundredths of a percent (integer arithmetic).
enum ProgressBar {
    static func render(_ row: ListProgress) -> String {
        guard row.items > 0 else { return "<span class=\"muted\">无条目</span>" }
        func width(_ count: Int) -> String { RectificationRate(count, of: row.items)?.percentText ?? "0.00" }
        return """
            <div class="bar" title="按期 \(row.onTime) · 逾期 \(row.late) · 未整改 \(row.outstanding) · 已一致 \(row.resolved)">\
            <span class="ontime" style="width:\(width(row.onTime))%"></span>\
            <span class="late" style="width:\(width(row.late))%"></span>\
            <span class="outstanding" style="width:\(width(row.outstanding))%"></span></div>
            """
    }

    static let legend = """
        <p class="legend muted">进度：<span class="ontime"></span>按期上传<span class="late"></span>逾期上传\
        <span class="outstanding"></span>未整改（已一致数见表）</p>
        """
}
