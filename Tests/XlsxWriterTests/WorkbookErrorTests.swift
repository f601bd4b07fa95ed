import Foundation
import Testing
@testable import XlsxWriter

@Suite("Workbook errors")
struct WorkbookErrorTests {
    @Test func rowLimitIsEnforced() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("limit.xlsx")
        let workbook = try Workbook(path: path)
        workbook.rowLimit = 3
        let sheet = try workbook.addWorksheet(name: "满")
        try sheet.writeHeader(["a"])
        try sheet.writeRow([.text("1")])
        try sheet.writeRow([.text("2")])
        #expect(sheet.remainingRows == 0)
        #expect(throws: XlsxError.tooManyRows(sheet: "满", limit: 3)) { try sheet.writeRow([.text("3")]) }
        #expect(throws: XlsxError.tooManyRows(sheet: "满", limit: 3)) { try sheet.writeRow([.text("3")], at: 7) }
        do {
            try sheet.writeRow([.text("3")])
        } catch {
            #expect("\(error)".contains("at most 3 rows"))
            #expect("\(error)".contains("'满'"))
        }
        try workbook.close()
        #expect(try Xlsx2CSV.sheet(1, of: path) == [["a"], ["1"], ["2"]])
    }

    @Test func theRealRowLimitIsExcels() throws {
        let directory = try TemporaryDirectory()
        let workbook = try Workbook(path: directory.file("x.xlsx"))
        defer { workbook.discard() }
        #expect(try workbook.addWorksheet(name: "S").remainingRows == 1_048_576)
    }

    @Test func rowsMustBeWrittenInOrder() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("order.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(name: "S")
        try sheet.writeRow([.text("r1")])
        try sheet.writeRow([.text("r4")], at: 3)
        #expect(sheet.nextRow == 4)
        // Excel rows in the error: row 3 asked for, next free row is 5.
        #expect(throws: XlsxError.rowOutOfOrder(sheet: "S", row: 3, nextRow: 5)) { try sheet.writeRow([.text("late")], at: 2) }
        #expect(throws: XlsxError.rowOutOfOrder(sheet: "S", row: 4, nextRow: 5)) { try sheet.writeRow([.text("again")], at: 3) }
        try sheet.writeRow([.text("r5")])
        try workbook.close()
        let rows = try Xlsx2CSV.sheet(1, of: path)
        #expect(rows.map { $0.first ?? "" } == ["r1", "", "", "r4", "r5"])
    }

    @Test func aRefusedRowWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("refused.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(name: "S")
        #expect(throws: XlsxError.self) {
            try sheet.writeRow([.text("before"), .integer(1_000_000_000_000_000), .text("after")])
        }
        #expect(sheet.nextRow == 0)
        try sheet.writeRow([.text("only")])
        try workbook.close()
        #expect(try Xlsx2CSV.sheet(1, of: path) == [["only"]])
    }

    @Test(arguments: [
        "", String(repeating: "a", count: 32), String(repeating: "表", count: 32), "a[b", "a]b", "a:b", "a*b",
        "a?b", "a/b", "a\\b", "'quoted", "quoted'", "History", "history", "tab\there",
    ])
    func invalidSheetNamesAreRefused(name: String) throws {
        let directory = try TemporaryDirectory()
        let workbook = try Workbook(path: directory.file("names.xlsx"))
        defer { workbook.discard() }
        do {
            _ = try workbook.addWorksheet(name: name)
            Issue.record("sheet name '\(name)' was accepted")
        } catch let error as XlsxError {
            guard case .invalidSheetName(let refused, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(refused == name)
            #expect(error.description.contains("'\(name)'"))
        }
    }

    @Test func validSheetNamesIncludingChinese() throws {
        let directory = try TemporaryDirectory()
        let workbook = try Workbook(path: directory.file("names.xlsx"))
        defer { workbook.discard() }
        for name in [String(repeating: "表", count: 31), "整改清单(2)", "Sheet 1", "a'b", "京A·车辆"] {
            _ = try workbook.addWorksheet(name: name)
        }
        #expect(workbook.sheetNames.count == 5)
    }

    @Test func duplicateSheetNamesAreRefusedCaseInsensitively() throws {
        let directory = try TemporaryDirectory()
        let workbook = try Workbook(path: directory.file("dup.xlsx"))
        defer { workbook.discard() }
        _ = try workbook.addWorksheet(name: "整改清单")
        _ = try workbook.addWorksheet(name: "Notes")
        #expect(throws: XlsxError.duplicateSheetName(name: "整改清单", existing: "整改清单")) {
            _ = try workbook.addWorksheet(name: "整改清单")
        }
        #expect(throws: XlsxError.duplicateSheetName(name: "NOTES", existing: "Notes")) {
            _ = try workbook.addWorksheet(name: "NOTES")
        }
    }

    @Test func missingOutputDirectoryIsNamed() throws {
        let path = "/nonexistent-recon-\(UUID().uuidString)/清单/list.xlsx"
        do {
            _ = try Workbook(path: path)
            Issue.record("a workbook in a missing directory was accepted")
        } catch {
            #expect("\(error)".contains(path))
            #expect(error as? XlsxError == .outputDirectoryMissing(path: path, directory: (path as NSString).deletingLastPathComponent))
        }
    }

    @Test func missingTemporaryDirectoryIsNamed() throws {
        let directory = try TemporaryDirectory()
        let tmpdir = directory.file("no-such-dir")
        #expect(throws: XlsxError.temporaryDirectoryMissing(directory: tmpdir)) {
            _ = try Workbook(path: directory.file("a.xlsx"), tmpdir: tmpdir)
        }
    }

    @Test func closeReportsLibxlsxwriterErrorWithThePath() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("is-a-directory.xlsx")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let workbook = try Workbook(path: path)
        _ = try workbook.addWorksheet(name: "S")
        do {
            try workbook.close()
            Issue.record("closing onto a directory succeeded")
        } catch let error as XlsxError {
            guard case let .library(operation, reportedPath, code, message) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(operation == "workbook_close")
            #expect(reportedPath == path)
            #expect(code != 0)
            #expect(message.contains("Error creating output xlsx file"))
            #expect(error.description.contains(path))
        }
        #expect(workbook.isClosed)
    }

    @Test func closeExactlyOnceAndNothingAfter() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("once.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(name: "S")
        try workbook.close()
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(throws: XlsxError.workbookClosed(path: path)) { try workbook.close() }
        #expect(throws: XlsxError.workbookClosed(path: path)) { try sheet.writeRow([.text("late")]) }
        #expect(throws: XlsxError.workbookClosed(path: path)) { try sheet.freezeTopRow() }
        #expect(throws: XlsxError.workbookClosed(path: path)) { _ = try workbook.addWorksheet(name: "T") }
    }

    @Test func deinitClosesAndDiscardRemoves() throws {
        let directory = try TemporaryDirectory()
        let kept = directory.file("kept.xlsx")
        do {
            let workbook = try Workbook(path: kept)
            try workbook.addWorksheet(name: "S").writeRow([.text("written by deinit")])
        }
        #expect(try Xlsx2CSV.sheet(1, of: kept) == [["written by deinit"]])

        let dropped = directory.file("dropped.xlsx")
        let workbook = try Workbook(path: dropped)
        try workbook.addWorksheet(name: "S").writeRow([.text("x")])
        workbook.discard()
        #expect(workbook.isClosed)
        #expect(!FileManager.default.fileExists(atPath: dropped))
    }

    @Test func overlongTextThrowsUnderTheThrowPolicy() throws {
        let directory = try TemporaryDirectory()
        let workbook = try Workbook(path: directory.file("long.xlsx"), overlongText: .throw)
        defer { workbook.discard() }
        let sheet = try workbook.addWorksheet(name: "S")
        let long = String(repeating: "字", count: ExcelLimits.maxCellTextLength + 1)
        #expect(throws: XlsxError.textTooLong(sheet: "S", cell: "B1", length: 32_768, limit: 32_767)) {
            try sheet.writeRow([.empty, .text(long)])
        }
    }

    @Test(arguments: [
        (Cell.integer(1_000_000_000_000_000), "1000000000000000"),
        (Cell.integer(Int.min), String(Int.min)),
        (Cell.decimal("1234567890123456"), "1234567890123456"),
        (Cell.decimal("0.1234567890123456"), "0.1234567890123456"),
        (Cell.decimal("1.5e3"), "1.5e3"), (Cell.decimal("01"), "01"), (Cell.decimal("+1"), "+1"),
        (Cell.decimal("1."), "1."), (Cell.decimal(".5"), ".5"), (Cell.decimal(""), ""),
        (Cell.decimal("1,000"), "1,000"), (Cell.decimal("-"), "-"), (Cell.decimal("１２"), "１２"),
    ])
    func inexactNumbersAreRefused(cell: Cell, shown: String) throws {
        let directory = try TemporaryDirectory()
        let workbook = try Workbook(path: directory.file("n.xlsx"))
        defer { workbook.discard() }
        let sheet = try workbook.addWorksheet(name: "S")
        do {
            try sheet.writeRow([.empty, .empty, cell])
            Issue.record("\(cell) was accepted")
        } catch let error as XlsxError {
            guard case let .numberNotExact(_, reference, value, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(reference == "C1")
            #expect(value == shown)
        }
    }

    @Test(arguments: [
        Cell.date(year: 2023, month: 2, day: 29), Cell.date(year: 1899, month: 12, day: 31),
        Cell.date(year: 2025, month: 13, day: 1), Cell.date(year: 2025, month: 4, day: 31),
        Cell.dateTime(year: 2025, month: 1, day: 1, hour: 24, minute: 0, second: 0),
        Cell.dateTime(year: 2025, month: 1, day: 1, hour: 0, minute: 60, second: 0),
        Cell.dateTime(year: 2025, month: 1, day: 1, hour: 0, minute: 0, second: 60),
    ])
    func invalidDatesAreRefused(cell: Cell) throws {
        let directory = try TemporaryDirectory()
        let workbook = try Workbook(path: directory.file("d.xlsx"))
        defer { workbook.discard() }
        let sheet = try workbook.addWorksheet(name: "日期")
        do {
            try sheet.writeRow([cell])
            Issue.record("\(cell) was accepted")
        } catch let error as XlsxError {
            guard case let .invalidDate(name, reference, _, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(name == "日期")
            #expect(reference == "A1")
        }
    }

    @Test func leapDayIsAccepted() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("leap.xlsx")
        let workbook = try Workbook(path: path)
        try workbook.addWorksheet(name: "S").writeRow([.date(year: 2024, month: 2, day: 29)])
        try workbook.close()
        #expect(try Xlsx2CSV.sheet(1, of: path) == [["2024-02-29"]])
    }

    @Test func badColumnsAreRefused() throws {
        let directory = try TemporaryDirectory()
        let workbook = try Workbook(path: directory.file("c.xlsx"))
        defer { workbook.discard() }
        let sheet = try workbook.addWorksheet(name: "S")
        #expect(throws: XlsxError.self) { try sheet.setColumnWidth(-1, 10) }
        #expect(throws: XlsxError.self) { try sheet.setColumnWidth(16_384, 10) }
        #expect(throws: XlsxError.self) { try sheet.setColumnWidth(0, 256) }
        #expect(throws: XlsxError.self) { try sheet.setColumnWidth(0, .nan) }
        #expect(throws: XlsxError.self) { try sheet.autofilter(columns: 0) }
        let wide = [Cell](repeating: .empty, count: ExcelLimits.maxColumns + 1)
        #expect(throws: XlsxError.tooManyColumns(sheet: "S", row: 1, count: 16_385, limit: 16_384)) { try sheet.writeRow(wide) }
    }
}
