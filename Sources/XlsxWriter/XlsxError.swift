import Foundation

/// A failure while writing an XLSX workbook.
///
/// Rows and columns in the cases are Excel's: a `cell` is in A1 notation (`C5`), a `row` is
/// one-based as Excel shows it. Every message names the file, sheet, cell or value concerned.
public enum XlsxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The directory that should hold the output file does not exist (checked when the
    /// ``Workbook`` is created, before any row is written).
    case outputDirectoryMissing(path: String, directory: String)
    /// The `tmpdir` given to ``Workbook/init(path:constantMemory:tmpdir:overlongText:useZip64:)`` does not
    /// exist or is not a directory.
    case temporaryDirectoryMissing(directory: String)
    /// A sheet name Excel would refuse: empty, longer than 31 characters, containing one of
    /// `[ ] : * ? / \`, starting or ending with `'`, or the reserved name `History`.
    case invalidSheetName(name: String, reason: String)
    /// A sheet name already used in the workbook (Excel compares names case-insensitively).
    case duplicateSheetName(name: String, existing: String)
    /// A row was asked for above a row already written: rows go to the file in order
    /// (constant-memory mode flushes each row when the next one starts).
    case rowOutOfOrder(sheet: String, row: Int, nextRow: Int)
    /// The sheet is full: the row would be past Excel's last row (``ExcelLimits/maxRows``).
    case tooManyRows(sheet: String, limit: Int)
    /// A row with more cells than Excel's columns (``ExcelLimits/maxColumns``).
    case tooManyColumns(sheet: String, row: Int, count: Int, limit: Int)
    /// A column index outside `0..<ExcelLimits.maxColumns`, or an unusable width.
    case invalidColumn(sheet: String, column: Int, reason: String)
    /// A text longer than ``ExcelLimits/maxCellTextLength`` under ``OverlongTextPolicy/throw``.
    case textTooLong(sheet: String, cell: String, length: Int, limit: Int)
    /// A number Excel could not hold exactly, or a decimal text that is not a plain decimal.
    case numberNotExact(sheet: String, cell: String, value: String, reason: String)
    /// A date or date-time that does not exist or is outside Excel's 1900…9999.
    case invalidDate(sheet: String, cell: String, value: String, reason: String)
    /// The workbook was already closed (or discarded): nothing more can be written or closed.
    case workbookClosed(path: String)
    /// libxlsxwriter reported an error; `message` is its `lxw_strerror` text.
    case library(operation: String, path: String, code: Int, message: String)

    /// The full English message.
    public var description: String {
        switch self {
        case let .outputDirectoryMissing(path, directory):
            return "cannot create XLSX file '\(path)': directory '\(directory)' does not exist"
        case let .temporaryDirectoryMissing(directory):
            return "temporary directory '\(directory)' for the XLSX writer does not exist or is not a directory"
        case let .invalidSheetName(name, reason):
            return "invalid sheet name '\(name)': \(reason)"
        case let .duplicateSheetName(name, existing):
            return "duplicate sheet name '\(name)': the workbook already has a sheet '\(existing)' (names are compared case-insensitively)"
        case let .rowOutOfOrder(sheet, row, nextRow):
            return "sheet '\(sheet)': row \(row) cannot be written after row \(nextRow - 1); rows must be written in order (next free row is \(nextRow))"
        case let .tooManyRows(sheet, limit):
            return "sheet '\(sheet)' is full: Excel allows at most \(limit) rows per sheet; continue on another sheet"
        case let .tooManyColumns(sheet, row, count, limit):
            return "sheet '\(sheet)' row \(row): \(count) cells, but Excel allows at most \(limit) columns"
        case let .invalidColumn(sheet, column, reason):
            return "sheet '\(sheet)' column index \(column): \(reason)"
        case let .textTooLong(sheet, cell, length, limit):
            return "sheet '\(sheet)' cell \(cell): text of \(length) characters is longer than Excel's \(limit)"
        case let .numberNotExact(sheet, cell, value, reason):
            return "sheet '\(sheet)' cell \(cell): number '\(value)' cannot be written exactly: \(reason)"
        case let .invalidDate(sheet, cell, value, reason):
            return "sheet '\(sheet)' cell \(cell): invalid date '\(value)': \(reason)"
        case let .workbookClosed(path):
            return "XLSX workbook '\(path)' is already closed"
        case let .library(operation, path, code, message):
            return "libxlsxwriter \(operation) failed for '\(path)': \(message) (lxw_error \(code))"
        }
    }
}

extension XlsxError: LocalizedError {
    /// The full English message (same as `description`).
    public var errorDescription: String? { description }
}
