import CXlsxWriter

/// One sheet of a ``Workbook``, written row by row from the top.
///
/// Rows are zero-based here (row 0 is Excel's row 1). Rows must be written in increasing order
/// — in constant-memory mode libxlsxwriter flushes a row to disk as soon as a later row is
/// started and silently drops anything written to it afterwards, so this type refuses an earlier
/// row with ``XlsxError/rowOutOfOrder(sheet:row:nextRow:)`` instead (in either mode, for the same
/// behaviour everywhere).
///
/// A worksheet keeps its workbook alive; once the workbook is closed every method throws
/// ``XlsxError/workbookClosed(path:)``. Not `Sendable`, like ``Workbook``.
public final class Worksheet {
    /// The sheet's name as shown on its tab.
    public let name: String
    /// The zero-based row that ``writeRow(_:)`` writes next (= rows used so far, blanks included).
    public internal(set) var nextRow = 0
    /// Text cells cut by ``OverlongTextPolicy/truncate`` so far.
    public private(set) var truncatedCellCount = 0
    /// Rows still free before Excel's limit (``ExcelLimits/maxRows``).
    public var remainingRows: Int { rowLimit - nextRow }

    /// The workbook, kept alive by its sheets.
    let workbook: Workbook
    /// The libxlsxwriter sheet (owned by the workbook; valid while it is open).
    private let handle: UnsafeMutablePointer<lxw_worksheet>
    /// Rows this sheet may hold; ``ExcelLimits/maxRows`` except in tests.
    var rowLimit: Int

    init(name: String, workbook: Workbook, handle: UnsafeMutablePointer<lxw_worksheet>, rowLimit: Int) {
        self.name = name
        self.workbook = workbook
        self.handle = handle
        self.rowLimit = rowLimit
        // Identifiers are written as text on purpose: hide Excel's "number stored as text" flags.
        _ = worksheet_ignore_errors(handle, UInt8(LXW_IGNORE_NUMBER_STORED_AS_TEXT.rawValue), "A1:XFD1048576")
    }

    /// Writes a header row (bold, grey fill, border) at ``nextRow`` — usually row 0.
    public func writeHeader(_ titles: [String]) throws {
        try write(titles.map(Cell.text), at: nextRow, header: true)
    }

    /// Writes `values` (column A onwards) as the next row.
    ///
    /// The whole row is checked before any cell is written, so a refused row leaves nothing
    /// behind and ``nextRow`` unchanged.
    /// - Throws: ``XlsxError/tooManyRows(sheet:limit:)``, ``XlsxError/tooManyColumns(sheet:row:count:limit:)``,
    ///   ``XlsxError/textTooLong(sheet:cell:length:limit:)`` (only under ``OverlongTextPolicy/throw``),
    ///   ``XlsxError/numberNotExact(sheet:cell:value:reason:)``, ``XlsxError/invalidDate(sheet:cell:value:reason:)``,
    ///   ``XlsxError/workbookClosed(path:)``, ``XlsxError/library(operation:path:code:message:)``.
    public func writeRow(_ values: [Cell]) throws {
        try write(values, at: nextRow, header: false)
    }

    /// Writes `values` at zero-based `row`, which must not be above ``nextRow`` (rows in between
    /// stay blank).
    /// - Throws: ``XlsxError/rowOutOfOrder(sheet:row:nextRow:)`` when `row < nextRow`, and
    ///   everything ``writeRow(_:)`` throws.
    public func writeRow(_ values: [Cell], at row: Int) throws {
        try write(values, at: row, header: false)
    }

    /// Writes `values` as the next row, cell `i` in `styles[i]` (the last style for any cell
    /// beyond `styles`). Throws everything ``writeRow(_:)`` throws.
    public func writeRow(_ values: [Cell], styles: [CellStyle]) throws {
        try write(values, at: nextRow, header: false, styles: styles.isEmpty ? nil : styles)
    }

    /// The first row of the last ``mergeCells(rows:columns:text:style:)`` while no row was written
    /// since: further merges may start on it (the cells of one header row).
    var lastMergedRow: Int?

    /// Columns whose text cells wrap (``setColumnWidth(_:_:wrap:)``).
    private var wrappingColumns = Set<Int>()

    /// Sets the width of zero-based `column`, in Excel's character units (0…255); with `wrap`, its
    /// text cells wrap within the width (long values stay readable and print), top-aligned.
    public func setColumnWidth(_ column: Int, _ width: Double, wrap: Bool = false) throws {
        let handle = try liveHandle()
        guard (0..<ExcelLimits.maxColumns).contains(column) else {
            throw XlsxError.invalidColumn(sheet: name, column: column,
                                          reason: "outside 0..<\(ExcelLimits.maxColumns)")
        }
        guard width.isFinite, (0...255).contains(width) else {
            throw XlsxError.invalidColumn(sheet: name, column: column, reason: "width \(width) is outside 0…255")
        }
        let status = worksheet_set_column(handle, lxw_col_t(column), lxw_col_t(column), width, nil)
        try check(status, "worksheet_set_column")
        if wrap { wrappingColumns.insert(column) } else { wrappingColumns.remove(column) }
    }

    /// Print setup of a wide table: A4 landscape, every column on one page width (as many pages
    /// down as needed), the first `headerRows` rows repeated on each printed page.
    public func setUpPrintingAsWideTable(headerRows: Int = 1) throws {
        let handle = try liveHandle()
        worksheet_set_landscape(handle)
        worksheet_set_paper(handle, 9)  // A4
        worksheet_fit_to_pages(handle, 1, 0)
        if headerRows > 0 {
            try check(worksheet_repeat_rows(handle, 0, lxw_row_t(headerRows - 1)), "worksheet_repeat_rows")
        }
    }

    /// Freezes row 1 so that the header stays visible while scrolling.
    public func freezeTopRow() throws {
        worksheet_freeze_panes(try liveHandle(), 1, 0)
    }

    /// Puts filter buttons on row 1 over the first `columns` columns, covering every row written
    /// so far: call it after the last row.
    public func autofilter(columns: Int) throws {
        let handle = try liveHandle()
        guard (1...ExcelLimits.maxColumns).contains(columns) else {
            throw XlsxError.invalidColumn(sheet: name, column: columns,
                                          reason: "an autofilter needs 1…\(ExcelLimits.maxColumns) columns")
        }
        let lastRow = max(nextRow - 1, 0)
        let status = worksheet_autofilter(handle, 0, 0, lxw_row_t(lastRow), lxw_col_t(columns - 1))
        try check(status, "worksheet_autofilter")
    }

    // MARK: - Writing

    /// A cell checked and converted, ready for libxlsxwriter.
    private enum Prepared {
        case string(String, format: UnsafeMutablePointer<lxw_format>)
        case number(Double, format: UnsafeMutablePointer<lxw_format>?)
        case dateTime(lxw_datetime, format: UnsafeMutablePointer<lxw_format>)
        case styledBlank(format: UnsafeMutablePointer<lxw_format>)
        case blank
    }

    private func write(_ values: [Cell], at row: Int, header: Bool, styles: [CellStyle]? = nil) throws {
        let handle = try liveHandle()
        guard row >= nextRow else { throw XlsxError.rowOutOfOrder(sheet: name, row: row + 1, nextRow: nextRow + 1) }
        guard row < rowLimit else { throw XlsxError.tooManyRows(sheet: name, limit: rowLimit) }
        guard values.count <= ExcelLimits.maxColumns else {
            throw XlsxError.tooManyColumns(sheet: name, row: row + 1, count: values.count, limit: ExcelLimits.maxColumns)
        }
        var truncated = 0
        let prepared = try values.enumerated().map { column, value in
            try prepare(value, row: row, column: column, header: header,
                        style: styles.map { $0[Swift.min(column, $0.count - 1)] }, truncated: &truncated)
        }
        for (column, cell) in prepared.enumerated() {
            let (r, c) = (lxw_row_t(row), lxw_col_t(column))
            switch cell {
            case let .string(text, format):
                try check(worksheet_write_string(handle, r, c, text, format), "worksheet_write_string", row, column)
            case let .number(number, format):
                try check(worksheet_write_number(handle, r, c, number, format), "worksheet_write_number", row, column)
            case .dateTime(var value, let format):
                try check(worksheet_write_datetime(handle, r, c, &value, format), "worksheet_write_datetime", row, column)
            case let .styledBlank(format):
                try check(worksheet_write_blank(handle, r, c, format), "worksheet_write_blank", row, column)
            case .blank:
                continue
            }
        }
        truncatedCellCount += truncated
        nextRow = row + 1
        lastMergedRow = nil
    }

    private func prepare(_ value: Cell, row: Int, column: Int, header: Bool, style: CellStyle?,
                         truncated: inout Int) throws -> Prepared {
        let formats = workbook.formats
        let cell = { CellReference.a1(row: row, column: column) }
        switch value {
        case let .text(text):
            switch CellText.prepare(text, policy: workbook.overlongText, limit: workbook.textLengthLimit,
                                    marker: Workbook.truncationMarker) {
            case let .ready(ready, wasTruncated):
                if wasTruncated { truncated += 1 }
                if let style { return .string(ready, format: try workbook.format(for: style, text: true)) }
                return .string(ready, format: header ? formats.header
                                              : wrappingColumns.contains(column) ? formats.wrappedText : formats.text)
            case let .tooLong(length):
                throw XlsxError.textTooLong(sheet: name, cell: cell(), length: length, limit: workbook.textLengthLimit)
            }
        case let .integer(number):
            switch ExactNumber.double(forInteger: number) {
            case let .success(double):
                return .number(double, format: try style.map { try workbook.format(for: $0, text: false) } ?? formats.integer)
            case let .failure(refusal):
                throw XlsxError.numberNotExact(sheet: name, cell: cell(), value: String(number), reason: refusal.reason)
            }
        case let .decimal(text):
            switch ExactNumber.double(forDecimal: text) {
            case let .success(double): return .number(double, format: try style.map { try workbook.format(for: $0, text: false) })
            case let .failure(refusal):
                throw XlsxError.numberNotExact(sheet: name, cell: cell(), value: text, reason: refusal.reason)
            }
        case let .date(year, month, day):
            if let problem = ExcelDate.problem(year: year, month: month, day: day) {
                throw XlsxError.invalidDate(sheet: name, cell: cell(),
                                            value: ExcelDate.text(year: year, month: month, day: day), reason: problem)
            }
            let value = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
            return .dateTime(value, format: formats.date)
        case let .dateTime(year, month, day, hour, minute, second):
            if let problem = ExcelDate.problem(year: year, month: month, day: day, hour: hour, minute: minute, second: second) {
                throw XlsxError.invalidDate(sheet: name, cell: cell(),
                                            value: ExcelDate.text(year: year, month: month, day: day, time: (hour, minute, second)),
                                            reason: problem)
            }
            let value = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day),
                                     hour: Int32(hour), min: Int32(minute), sec: Double(second))
            return .dateTime(value, format: formats.dateTime)
        case .empty:
            // A styled empty cell keeps its border and fill.
            if let style { return .styledBlank(format: try workbook.format(for: style, text: true)) }
            return .blank
        }
    }

    // MARK: - Helpers

    func liveHandle() throws -> UnsafeMutablePointer<lxw_worksheet> {
        _ = try workbook.liveHandle()
        return handle
    }

    func check(_ status: lxw_error, _ operation: String, _ row: Int? = nil, _ column: Int? = nil) throws {
        guard status != LXW_NO_ERROR else { return }
        var what = "\(operation) on sheet '\(name)'"
        if let row, let column { what += " cell \(CellReference.a1(row: row, column: column))" }
        throw XlsxError.library(operation: what, path: workbook.path, code: Int(status.rawValue),
                                message: String(cString: lxw_strerror(status)))
    }
}
