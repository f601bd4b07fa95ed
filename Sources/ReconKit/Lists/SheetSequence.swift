import XlsxWriter
import ReconRules

/// The sheets of one record set in an XLSX list: `营运车辆`, then `营运车辆(2)`, `营运车辆(3)`…
/// whenever a sheet is full. Every sheet gets the header row (frozen), column widths and filter
/// buttons. An item's rows are kept on one sheet when they fit.
final class SheetSequence {
    let workbook: Workbook
    let baseName: String
    /// Rows a sheet may hold, header included (Excel: 1,048,576; smaller in tests).
    let rowLimit: Int
    /// The header row (key parts named by the record set).
    let headers: [String]
    private(set) var current: Worksheet
    /// The number of the current sheet (1 for the first).
    private var part = 1

    /// Creates the first sheet.
    init(workbook: Workbook, baseName: String, rowLimit: Int, headers: [String] = ListColumn.headers) throws {
        self.workbook = workbook
        self.baseName = baseName
        self.rowLimit = max(2, rowLimit)
        self.headers = headers
        current = try Self.openSheet(workbook, name: baseName, headers: headers)
    }

    /// Writes an item's rows, on a new sheet when they do not fit on the current one (an item
    /// longer than a whole sheet is split).
    func writeItem(_ rows: [[Cell]]) throws {
        if current.nextRow + rows.count > rowLimit, current.nextRow > 1, rows.count < rowLimit {
            try nextSheet()
        }
        for row in rows {
            if current.nextRow >= rowLimit { try nextSheet() }
            try current.writeRow(row)
        }
    }

    /// Told each finished sheet's count of cells cut at Excel's limit.
    var onFinish: ((Int) -> Void)?

    /// Puts the filter buttons on the last sheet; call once after the last row.
    func finish() throws {
        try current.autofilter(columns: ListColumn.allCases.count)
        onFinish?(current.truncatedCellCount)
    }

    /// Closes the current sheet and opens the next part.
    private func nextSheet() throws {
        try current.autofilter(columns: ListColumn.allCases.count)
        onFinish?(current.truncatedCellCount)
        part += 1
        current = try Self.openSheet(workbook, name: "\(baseName)(\(part))", headers: headers)
    }

    /// A data sheet with its header row, column widths and frozen header.
    static func openSheet(_ workbook: Workbook, name: String, headers: [String]) throws -> Worksheet {
        let sheet = try workbook.addWorksheet(name: name)
        try sheet.writeHeader(headers)
        for column in ListColumn.allCases {
            try sheet.setColumnWidth(column.rawValue, column.spreadsheetWidth, wrap: column.wraps)
        }
        try sheet.freezeTopRow()
        try sheet.setUpPrintingAsWideTable(headerRows: 1)
        return sheet
    }
}
