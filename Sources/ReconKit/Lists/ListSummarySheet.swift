import Foundation
import XlsxWriter
import ReconRules

/// The summary sheet 汇总 of an XLSX list: province, quarter, list, issue time, deadline, counts
/// per record set and category, and how to answer (整改说明).
struct ListSummarySheet {
    let list: RectificationList
    let summary: ListSummary
    let recordSets: [RecordSetSpec]
    let now: Date
    let rowLimit: Int

    /// The sheet's name.
    static let name = "汇总"

    /// Writes the sheet.
    @discardableResult
    func write(into workbook: Workbook) throws -> Worksheet {
        let sheet = try workbook.addWorksheet(name: Self.name)
        // Column B holds the dates (2025-10-14 23:59:59 needs 19 characters) and the header words.
        try sheet.setColumnWidth(0, 16)
        try sheet.setColumnWidth(1, 22)
        for column in 2...7 { try sheet.setColumnWidth(column, 15) }
        try sheet.writeHeader(["对账差异数据整改清单"])
        try sheet.writeRow([])
        let deadlineNote = "第\(WorkdayCalendar.rectificationWorkingDays)个工作日24:00（北京时间）前上传有效"
        let calendarNote = list.assumedWeekends ? "（含未发布节假日安排的年份，按普通周末推定）" : ""
        let pairs: [(String, [Cell])] = [
            ("省份", [.text("\(list.provinceCode) \(list.provinceName)")]),
            ("季度", [.text(list.quarter.description)]),
            ("清单编号", [.integer(Int(list.id))]),
            ("对账运行编号", [.integer(Int(list.runID))]),
            ("清单性质", [.text(list.official ? "正式清单（本季度正式对账）" : "自查清单")]),
            ("下发时间", [ListRowFormatter.dateTime(BeijingTimeFormat.wallClock(list.issuedAt))]),
            ("整改截止时间", [ListRowFormatter.dateTime(BeijingTimeFormat.deadlineWallClock(end: list.deadline)), .text(deadlineNote)]),
            ("工作日历版本", [.text(list.calendarVersion + calendarNote)]),
            ("导出时间", [ListRowFormatter.dateTime(BeijingTimeFormat.wallClock(now))]),
            ("整改条目数", [.integer(summary.total)]),
        ]
        for (label, values) in pairs { try sheet.writeRow([.text(label)] + values) }
        try sheet.writeRow([])

        try sheet.writeHeader(["数据类别"] + ListSummary.categoryOrder.map(ListLabels.category) + ["合计"])
        for name in setsInOrder {
            let counts = ListSummary.categoryOrder.map { Cell.integer(summary.counts[name]?[$0] ?? 0) }
            try sheet.writeRow([.text(ListLabels.recordSet(name, in: recordSets))] + counts + [.integer(summary.total(recordSet: name))])
        }
        try sheet.writeRow([.text("合计")] + ListSummary.categoryOrder.map { .integer(summary.total(category: $0)) }
                           + [.integer(summary.total)])
        try sheet.writeRow([])
        let progress = summary.progress
        try sheet.writeHeader(["整改进度", "条目数"])
        // The portal's five states, each item in one (docs/rules.md, "Lists: every item locatable").
        let states = progress.states(deadline: list.deadline, now: now)
        let progressRows: [(String, Int)] = ItemProgressState.allCases.filter { $0 != (now < list.deadline ? .overdue : .pending) }
            .map { ($0.label, states[$0]) }
            + [("待整改合计", progress.outstanding), ("疑似同一记录（对）", progress.suspectPairs)]
        for (label, count) in progressRows { try sheet.writeRow([.text(label), .integer(count)]) }
        // A skipped pairing (issue 25 case 12): no hints does not mean no suspected pairs.
        for skip in summary.pairingSkipped { try sheet.writeRow([.text("疑似同一记录未配对"), .text(skip.line)]) }
        try sheet.writeRow([.text("进度统计时间"), ListRowFormatter.dateTime(BeijingTimeFormat.wallClock(now))])
        try sheet.writeRow([])
        try sheet.writeHeader(["整改说明"])
        for line in ListGuidance.lines { try sheet.writeRow([.text(line)]) }
        try sheet.setUpPrintingAsWideTable(headerRows: 0)
        try sheet.writeRow([.text("\(ListGuidance.lines.count + 1). 每个数据类别一个工作表；超过单表行数上限（\(rowLimit)行，含表头）时续表命名为“\(ListLabels.recordSet(setsInOrder.last ?? "vehicles", in: recordSets))(2)”等。")])
        return sheet
    }

    /// The last row, written once the data sheets are: how many cells were cut at the spreadsheet's
    /// limit of 32,767 characters (each ends with the marker, so the clerk can find it).
    static func writeTruncationNote(_ sheet: Worksheet, truncated: Int) throws {
        try sheet.writeRow([])
        try sheet.writeRow([.text("超长截断单元格"), .integer(truncated),
                            .text(truncated == 0 ? "无" : "单元格超过32767个字符，已截断并以“\(Workbook.truncationMarker)”结尾；完整内容请导出CSV（--raw）查看")])
    }

    /// The record sets of the run, then any other set that has items.
    var setsInOrder: [String] {
        list.recordSets + summary.counts.keys.filter { !list.recordSets.contains($0) }.sorted()
    }
}
