import Foundation
import Testing
import XlsxWriter

/// Print setup, styled cells, merges and row heights (issue 26: a table meant for paper), checked in
/// the workbook's XML as written.
@Suite("XLSX print setup and styles")
struct PrintSetupTests {
    func path() -> String { NSTemporaryDirectory() + "print-\(UUID().uuidString).xlsx" }

    @Test func pageSetupHeaderRowsFooterMergesHeightsAndTwoDecimals() throws {
        let path = path()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try Workbook(path: path, constantMemory: false)
        let sheet = try workbook.addWorksheet(name: "表")
        try sheet.setRowHeight(0, points: 30)
        try sheet.mergeCells(rows: 0...0, columns: 0...3, text: "标题", style: CellStyle(fontSize: 16, bold: true, alignment: .center))
        try sheet.mergeCells(rows: 1...2, columns: 0...0, text: "序号", style: CellStyle(border: true))
        try sheet.mergeCells(rows: 1...1, columns: 1...3, text: "指标10", style: CellStyle(border: true))
        try sheet.writeRow([.empty, .text("比率"), .text("得分"), .text("小计")], styles: [CellStyle(border: true)])
        let score = CellStyle(fontSize: 10, alignment: .right, border: true, numberFormat: "0.00")
        try sheet.writeRow([.integer(1), .text("0.52%"), .decimal("5"), .decimal("14.5")], styles: [CellStyle(), CellStyle(), score, score])
        #expect(throws: XlsxError.self) { try sheet.mergeCells(rows: 1...1, columns: 4...5, text: "早", style: CellStyle()) }
        try sheet.setUpPrinting(PrintSetup(repeatedRows: 1...2, footer: "&C第 &P 页／共 &N 页"))
        try workbook.close()

        let xml = try Xlsx2CSV.zipMember("xl/worksheets/sheet1.xml", of: path)
        #expect(xml.contains("orientation=\"landscape\"") && xml.contains("paperSize=\"9\""), "\(xml)")
        #expect(xml.contains("fitToHeight=\"0\"") && xml.contains("<pageSetUpPr fitToPage=\"1\"/>"), "\(xml)")
        #expect(xml.contains("<oddFooter>&amp;C第 &amp;P 页／共 &amp;N 页</oddFooter>"), "\(xml)")
        #expect(xml.contains("<mergeCell ref=\"A1:D1\"/>") && xml.contains("<mergeCell ref=\"A2:A3\"/>") && xml.contains("<mergeCell ref=\"B2:D2\"/>"), "\(xml)")
        #expect(xml.contains("ht=\"30\" customHeight=\"1\""), "\(xml)")
        #expect(xml.contains("horizontalCentered=\"1\""), "\(xml)")
        let book = try Xlsx2CSV.zipMember("xl/workbook.xml", of: path)
        #expect(book.contains("_xlnm.Print_Titles") && book.contains("'表'!$2:$3"), "\(book)")
        let styles = try Xlsx2CSV.zipMember("xl/styles.xml", of: path)
        #expect(styles.contains("formatCode=\"0.00\""), "\(styles)")
        #expect(styles.contains("<sz val=\"16\"/>") && styles.contains("<sz val=\"10\"/>"), "\(styles)")
        // Read back, the score cells keep their value; shown with two decimals by the format.
        let rows = try Xlsx2CSV.sheet(1, of: path)
        #expect(rows.first?.first == "标题" && rows.contains { $0.contains("5.00") || $0.contains("5") }, "\(rows)")
    }

    @Test func aMergeOverRowsNeedsAWorkbookWithoutConstantMemory() throws {
        let path = path()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(name: "表")
        #expect(throws: XlsxError.self) { try sheet.mergeCells(rows: 0...1, columns: 0...0, text: "序号", style: CellStyle()) }
        try sheet.mergeCells(rows: 0...0, columns: 0...2, text: "标题", style: CellStyle())
        try workbook.close()
    }
}
