import Foundation
import Testing
@testable import XlsxWriter

/// Writes workbooks and reads them back with xlsx2csv.
@Suite("Workbook round trip through xlsx2csv")
struct WorkbookRoundTripTests {
    static let header = ["序号", "车牌号", "身份证号", "道路运输证号", "问题描述", "整改期限", "罚款金额"]
    static let plates = ["京A12345", "粤B·D0001", "沪C00001"]
    static let idNumbers = ["11010119900101123X", "440301198512310018", "31011519770707002x"]
    static let permits = ["110101000123", "440300012345", "000000000001"]
    static let descriptions = [
        "经营范围不符，需整改",
        "备注含\"引号\"和,逗号",
        "第一行\n第二行\n  前后有空格  ",
    ]

    @Test func chineseTwoSheetWorkbookReadsBackExactly() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("整改清单.xlsx")
        let workbook = try Workbook(path: path)
        let list = try workbook.addWorksheet(name: "整改清单")
        try list.writeHeader(Self.header)
        for index in 0..<3 {
            try list.writeRow([
                .integer(index + 1), .text(Self.plates[index]), .text(Self.idNumbers[index]),
                .text(Self.permits[index]), .text(Self.descriptions[index]),
                .date(year: 2025, month: 10, day: 14 + index), .decimal(["200", "1500.5", "0.25"][index]),
            ])
        }
        try list.freezeTopRow()
        try list.setColumnWidth(2, 22)
        try list.autofilter(columns: Self.header.count)

        let notes = try workbook.addWorksheet(name: "说明")
        try notes.writeHeader(["项目", "内容"])
        try notes.writeRow([.text("指标"), .text("10–12")])
        try notes.writeRow([Cell(text: nil), .text("空单元格在左")])
        try notes.writeRow([.text("生成时间"), .dateTime(year: 2025, month: 10, day: 14, hour: 9, minute: 5, second: 7)])
        #expect(workbook.sheetNames == ["整改清单", "说明"])
        try workbook.close()

        let first = try Xlsx2CSV.sheet(1, of: path)
        #expect(first.count == 4)
        #expect(first.first == Self.header)
        for index in 0..<3 {
            let row = first[index + 1]
            #expect(row[0] == String(index + 1))
            #expect(row[1] == Self.plates[index])
            #expect(row[2] == Self.idNumbers[index])
            #expect(row[3] == Self.permits[index])
            #expect(row[4] == Self.descriptions[index])
            #expect(row[5] == "2025-10-\(14 + index)")
        }
        #expect(first.map { $0[6] } == ["罚款金额", "200", "1500.5", "0.25"])

        let second = try Xlsx2CSV.sheet(2, of: path)
        #expect(second == [["项目", "内容"], ["指标", "10–12"], ["", "空单元格在左"], ["生成时间", "2025-10-14 09:05:07"]])
    }

    @Test func identifiersAreStoredAsTextNotNumbers() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("ids.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(name: "IDs")
        try sheet.writeRow([.text("110101199001011234"), .text("007"), .text("123456789012")])
        try workbook.close()

        #expect(try Xlsx2CSV.sheet(1, of: path) == [["110101199001011234", "007", "123456789012"]])
        let xml = try Xlsx2CSV.zipMember("xl/worksheets/sheet1.xml", of: path)
        #expect(xml.contains("t=\"inlineStr\"><is><t>110101199001011234</t></is></c>"))
        #expect(!xml.contains("<v>110101199001011234</v>"))
        #expect(xml.contains("numberStoredAsText=\"1\""))
        let styles = try Xlsx2CSV.zipMember("xl/styles.xml", of: path)
        #expect(styles.contains("numFmtId=\"49\""))  // Excel's built-in text format "@"
    }

    @Test func layoutOptionsReachTheFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("layout.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(name: "清单")
        try sheet.writeHeader(["A", "B", "C"])
        for _ in 0..<3 { try sheet.writeRow([.text("x"), .text("y"), .text("z")]) }
        try sheet.setColumnWidth(1, 30)
        try sheet.freezeTopRow()
        try sheet.autofilter(columns: 3)
        try workbook.close()
        let xml = try Xlsx2CSV.zipMember("xl/worksheets/sheet1.xml", of: path)
        #expect(xml.contains("<autoFilter ref=\"A1:C4\"/>"))
        #expect(xml.contains("state=\"frozen\""))
        #expect(xml.contains("<col min=\"2\" max=\"2\" width=\"30.7109375\" customWidth=\"1\"/>"))
    }

    /// A list prints as a wide table: A4 landscape, one page wide, header row on every page.
    @Test func printSetupOfAWideTable() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("print.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(name: "营运车辆")
        try sheet.writeHeader(["A", "B"])
        try sheet.writeRow([.text("x"), .text("y")])
        try sheet.setUpPrintingAsWideTable(headerRows: 1)
        try workbook.close()
        let xml = try Xlsx2CSV.zipMember("xl/worksheets/sheet1.xml", of: path)
        #expect(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"))
        #expect(xml.contains("paperSize=\"9\""))
        #expect(xml.contains("orientation=\"landscape\""))
        #expect(xml.contains("fitToHeight=\"0\""))
        let book = try Xlsx2CSV.zipMember("xl/workbook.xml", of: path)
        #expect(book.contains("_xlnm.Print_Titles"))
    }

    /// A wrapping column's text cells wrap (style with wrapText), the others do not.
    @Test func wrappingColumnsWrapTheirTextCells() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("wrap.xlsx")
        let workbook = try Workbook(path: path, constantMemory: true)
        let sheet = try workbook.addWorksheet(name: "S")
        try sheet.setColumnWidth(0, 10)
        try sheet.setColumnWidth(1, 30, wrap: true)
        try sheet.writeRow([.text("short"), .text(String(repeating: "很长的内容", count: 40))])
        try workbook.close()
        let styles = try Xlsx2CSV.zipMember("xl/styles.xml", of: path)
        #expect(styles.contains("wrapText=\"1\""))
        let xml = try Xlsx2CSV.zipMember("xl/worksheets/sheet1.xml", of: path)
        // The two cells carry different styles: the second one's style is the wrapping one.
        let styleIDs = xml.components(separatedBy: " s=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(styleIDs.count == 2 && styleIDs[0] != styleIDs[1])
    }

    @Test func literalUnderscoreXSequencesAreProtectedFromExcelDecoding() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("escape.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(name: "S")
        try sheet.writeRow([.text("_x0041_"), .text("a_x00e9_b"), .text("_xZZZZ_"), .text("nul\u{0}here")])
        try workbook.close()
        // xlsx2csv shows the stored text undecoded: Excel decodes `_x005F_` to `_` and shows `_x0041_`.
        #expect(try Xlsx2CSV.sheet(1, of: path) == [["_x005F_x0041_", "a_x005F_x00e9_b", "_xZZZZ_", "nul\u{FFFD}here"]])
    }

    @Test func manyRowsInConstantMemoryMode() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("many.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(name: "大量")
        try sheet.writeHeader(["序号", "证号"])
        for index in 1...20_000 {
            try sheet.writeRow([.integer(index), .text(String(format: "%012d", index))])
        }
        #expect(sheet.nextRow == 20_001)
        #expect(sheet.remainingRows == ExcelLimits.maxRows - 20_001)
        try workbook.close()
        let rows = try Xlsx2CSV.sheet(1, of: path)
        #expect(rows.count == 20_001)
        #expect(rows[20_000] == ["20000", "000000020000"])
    }

    @Test func exactNumbersReadBackAsWritten() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("numbers.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(name: "N")
        let decimals = ["83.33", "-0.5", "100", "0.001", "123456789.012345", "0"]
        try sheet.writeRow(decimals.map(Cell.decimal))
        try sheet.writeRow([.integer(999_999_999_999_999), .integer(-999_999_999_999_999), .integer(0)])
        try workbook.close()
        let rows = try Xlsx2CSV.sheet(1, of: path)
        #expect(rows[0] == decimals)
        #expect(rows[1].prefix(3) == ["999999999999999", "-999999999999999", "0"])
    }

    @Test func overlongTextIsTruncatedWithTheMarker() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("long.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(name: "L")
        let long = String(repeating: "整改", count: 20_000)  // 40,000 characters
        let exact = String(repeating: "a", count: ExcelLimits.maxCellTextLength)
        try sheet.writeRow([.text(long), .text(exact)])
        #expect(sheet.truncatedCellCount == 1)
        try workbook.close()
        let cells = try Xlsx2CSV.inlineStrings(sheet: 1, of: path)
        let first = try #require(cells["A1"])
        #expect(first.utf16.count == ExcelLimits.maxCellTextLength)
        #expect(first.hasSuffix(Workbook.truncationMarker))
        #expect(first.hasPrefix(String(repeating: "整改", count: 16_000)))
        #expect(cells["B1"]?.count == exact.count)
        #expect(cells["B1"] == exact, "the 32,767-character cell was changed")
    }
}
