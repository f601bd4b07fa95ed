import CXlsxWriter

/// Merged cells, row heights and print setup: what a table meant for paper needs.
extension Worksheet {
    /// Merges zero-based `rows` × `columns` into one cell holding `text` in `style` (a title line
    /// across the table, a header spanning two rows). `rows` must not start above ``nextRow``
    /// (or must start on the first row of the merge just made, for several merges on one row);
    /// afterwards ``nextRow`` is the row after the merge's first row, so that the other cells of a
    /// two-row header can still be written. A merge over several rows needs a workbook opened
    /// without constant memory.
    /// - Throws: ``XlsxError/rowOutOfOrder(sheet:row:nextRow:)``, ``XlsxError/invalidColumn(sheet:column:reason:)``,
    ///   ``XlsxError/library(operation:path:code:message:)``.
    public func mergeCells(rows: ClosedRange<Int>, columns: ClosedRange<Int>, text: String, style: CellStyle) throws {
        let handle = try liveHandle()
        guard rows.lowerBound >= nextRow || rows.lowerBound == lastMergedRow else {
            throw XlsxError.rowOutOfOrder(sheet: name, row: rows.lowerBound + 1, nextRow: nextRow + 1)
        }
        guard rows.upperBound < rowLimit else { throw XlsxError.tooManyRows(sheet: name, limit: rowLimit) }
        guard columns.lowerBound >= 0, columns.upperBound < ExcelLimits.maxColumns else {
            throw XlsxError.invalidColumn(sheet: name, column: columns.upperBound, reason: "outside 0..<\(ExcelLimits.maxColumns)")
        }
        if workbook.constantMemory && rows.count > 1 {
            throw XlsxError.library(operation: "merge over rows \(rows.lowerBound + 1)…\(rows.upperBound + 1) on sheet '\(name)'",
                                    path: workbook.path, code: Int(LXW_ERROR_PARAMETER_VALIDATION.rawValue),
                                    message: "a merge over several rows needs a workbook without constant memory")
        }
        let format = try workbook.format(for: style, text: true)
        if rows.count == 1 && columns.count == 1 {
            try check(worksheet_write_string(handle, lxw_row_t(rows.lowerBound), lxw_col_t(columns.lowerBound), text, format),
                      "worksheet_write_string", rows.lowerBound, columns.lowerBound)
        } else {
            try check(worksheet_merge_range(handle, lxw_row_t(rows.lowerBound), lxw_col_t(columns.lowerBound),
                                            lxw_row_t(rows.upperBound), lxw_col_t(columns.upperBound), text, format),
                      "worksheet_merge_range", rows.lowerBound, columns.lowerBound)
        }
        nextRow = rows.lowerBound + 1
        lastMergedRow = rows.lowerBound
    }

    /// Sets the height of zero-based `row` in points (a merged, wrapped note needs it: no
    /// spreadsheet grows a merged row by itself). The row must not be above ``nextRow``.
    public func setRowHeight(_ row: Int, points: Double) throws {
        let handle = try liveHandle()
        guard row >= nextRow else { throw XlsxError.rowOutOfOrder(sheet: name, row: row + 1, nextRow: nextRow + 1) }
        guard points.isFinite, (0...409).contains(points) else {
            throw XlsxError.invalidColumn(sheet: name, column: 0, reason: "row height \(points) pt is outside 0…409")
        }
        try check(worksheet_set_row(handle, lxw_row_t(row), points, nil), "worksheet_set_row", row, 0)
    }

    /// Applies `setup`: paper, orientation, fit to one page wide, repeated rows, header and
    /// footer (`&P` page, `&N` pages), margins, centring. Gridlines do not print (libxlsxwriter's
    /// default), so only the table's own borders show on paper.
    public func setUpPrinting(_ setup: PrintSetup) throws {
        let handle = try liveHandle()
        if setup.landscape { worksheet_set_landscape(handle) } else { worksheet_set_portrait(handle) }
        worksheet_set_paper(handle, UInt8(setup.paper.rawValue))
        if setup.fitToOnePageWide { worksheet_fit_to_pages(handle, 1, 0) }
        if let rows = setup.repeatedRows {
            try check(worksheet_repeat_rows(handle, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)), "worksheet_repeat_rows")
        }
        worksheet_set_margins(handle, setup.margins.left, setup.margins.right, setup.margins.top, setup.margins.bottom)
        if let header = setup.header { try check(worksheet_set_header(handle, header), "worksheet_set_header") }
        if let footer = setup.footer { try check(worksheet_set_footer(handle, footer), "worksheet_set_footer") }
        if setup.centredHorizontally { worksheet_center_horizontally(handle) }
    }
}
