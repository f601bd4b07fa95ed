import XlsxWriter
import ReconRules

/// Writes a ``ResultTable`` as a sheet that prints as a 通报: the title block, a two-row header
/// repeated on every page, one row per province, and the 注; A4 landscape, one page wide, 10 pt
/// text (the widths fit an A4 landscape page at 100%, so no scaling shrinks it), page x/y in the
/// footer. docs/rules.md, "The bulletin and the 公示稿"; checked in LibreOffice's PDF by
/// `PublishedTablePrintTests`.
enum ResultSheet {
    /// Body text size in points.
    static let fontSize = 10.0
    /// Title size in points.
    static let titleSize = 16.0

    static let title = CellStyle(fontSize: titleSize, bold: true, alignment: .center, wrap: true)
    static let line = CellStyle(fontSize: fontSize, alignment: .center, wrap: true)
    static let header = CellStyle(fontSize: fontSize, bold: true, alignment: .center, wrap: true, border: true, fill: 0xD9D9D9)
    static let text = CellStyle(fontSize: fontSize, alignment: .center, wrap: true, border: true)
    static let wrapped = CellStyle(fontSize: fontSize, alignment: .left, wrap: true, border: true)
    static let number = CellStyle(fontSize: fontSize, alignment: .right, border: true)
    static let score = CellStyle(fontSize: fontSize, alignment: .right, border: true, numberFormat: "0.00")
    static let note = CellStyle(fontSize: fontSize, alignment: .left, wrap: true)

    /// One column: its width (Excel units) and how its cells look.
    struct Column {
        let width: Double
        let style: CellStyle
    }

    /// The columns of `table`: 序号, 省份, [排名], per indicator counts/rate/score (11 also its
    /// list's 已一致/仍不一致), 小计, 公示期修正, 说明. The widths (Excel units: Calibri digits) add up
    /// to about 132, which prints about 750 pt wide — inside an A4 landscape page's 798 pt between
    /// 0.3 in margins, so that fitting to the page width does not shrink the text.
    static func columnsOf(_ table: ResultTable) -> [Column] {
        var columns = [Column(width: 3.5, style: text), Column(width: 14, style: text)]
        if table.ranked { columns.append(Column(width: 3.5, style: text)) }
        for indicator in Indicator.allCases {
            columns += [Column(width: 10.5, style: number), Column(width: 7, style: number), Column(width: 5, style: score)]
            if indicator == .rectificationRate { columns.append(Column(width: 8, style: number)) }
        }
        columns.append(Column(width: 5.5, style: score))
        columns += table.ranked ? [Column(width: 12.5, style: wrapped), Column(width: 15, style: wrapped)]
                                : [Column(width: 15, style: wrapped), Column(width: 19, style: wrapped)]
        return columns
    }

    /// One header cell: its text, the header rows (0, 1 or both) and the columns it covers.
    struct HeaderCell {
        let text: String
        let rows: ClosedRange<Int>
        let columns: ClosedRange<Int>
    }

    /// The header of `table`: 序号, 省份, [排名], 小计, 公示期修正, 说明 over both rows; each indicator's
    /// name over its columns, and under it its counts, rate, score (11: and 已一致/仍不一致).
    static func headerCells(_ table: ResultTable) -> [HeaderCell] {
        var cells: [HeaderCell] = []
        var column = 0
        func spanning(_ text: String) {
            cells.append(HeaderCell(text: text, rows: 0...1, columns: column...column))
            column += 1
        }
        spanning("序号")
        spanning("省份")
        if table.ranked { spanning("排名") }
        for indicator in Indicator.allCases {
            let words = ResultTable.countWords(indicator)
            var subheaders = ["\(words.numerator)/\(words.denominator)", String(indicator.chineseName.suffix(3)), "得分"]
            if indicator == .rectificationRate { subheaders.append("已一致/仍不一致") }
            cells.append(HeaderCell(text: "指标\(indicator.number) \(indicator.chineseName)（\(indicator.maxPoints)分）", rows: 0...0,
                                    columns: column...column + subheaders.count - 1))
            for text in subheaders {
                cells.append(HeaderCell(text: text, rows: 1...1, columns: column...column))
                column += 1
            }
        }
        spanning("小计（满分15分）")
        spanning("公示期修正")
        spanning("说明")
        return cells
    }

    /// Writes `table` into a new sheet `name` of `workbook` (opened without constant memory).
    static func write(_ table: ResultTable, into workbook: Workbook, name: String) throws {
        let sheet = try workbook.addWorksheet(name: name)
        let columns = columnsOf(table)
        let last = columns.count - 1
        let totalWidth = columns.reduce(0) { $0 + $1.width }
        for (index, column) in columns.enumerated() { try sheet.setColumnWidth(index, column.width) }

        // Title block.
        try sheet.setRowHeight(sheet.nextRow, points: height(table.title, width: totalWidth, span: columns.count, size: titleSize))
        try sheet.mergeCells(rows: sheet.nextRow...sheet.nextRow, columns: 0...last, text: table.title, style: title)
        for words in table.lines {
            try sheet.setRowHeight(sheet.nextRow, points: height(words, width: totalWidth, span: columns.count, size: fontSize))
            try sheet.mergeCells(rows: sheet.nextRow...sheet.nextRow, columns: 0...last, text: words, style: line)
        }

        // Two header rows, repeated on every printed page; high enough for every header's text.
        let headerTop = sheet.nextRow
        let headers = headerCells(table)
        func lines(_ cell: HeaderCell) -> Int {
            lineCount(cell.text, width: columns[cell.columns].reduce(0) { $0 + $1.width }, size: fontSize, span: cell.columns.count)
        }
        let first = rowHeight(lines: headers.filter { $0.rows == 0...0 }.map(lines).max() ?? 1, size: fontSize)
        var second = rowHeight(lines: headers.filter { $0.rows == 1...1 }.map(lines).max() ?? 1, size: fontSize)
        second = max(second, rowHeight(lines: headers.filter { $0.rows == 0...1 }.map(lines).max() ?? 1, size: fontSize) - first)
        try sheet.setRowHeight(headerTop, points: first)
        try sheet.setRowHeight(headerTop + 1, points: second)
        for cell in headers where cell.rows.lowerBound == 0 {
            try sheet.mergeCells(rows: (headerTop + cell.rows.lowerBound)...(headerTop + cell.rows.upperBound), columns: cell.columns,
                                 text: cell.text, style: header)
        }
        // The second row's own cells (the others are merged over both rows).
        var subheader = [Cell](repeating: .empty, count: columns.count)
        for cell in headers where cell.rows == 1...1 { subheader[cell.columns.lowerBound] = .text(cell.text) }
        let lastSub = headers.filter { $0.rows == 1...1 }.map(\.columns.lowerBound).max() ?? 0
        try sheet.writeRow(Array(subheader[...lastSub]), styles: [header])

        // One row per province.
        for row in table.rows {
            var cells: [Cell] = [.integer(row.number), .text(row.provinceName)]
            if table.ranked { cells.append(row.rank.map(Cell.integer) ?? .empty) }
            for result in row.results {
                cells += [.text(ResultTable.countsText(result)), .text(ResultTable.rateText(result)), .decimal(result.score.description)]
                if result.indicator == .rectificationRate { cells.append(.text(ResultTable.listStateText(row.results))) }
            }
            cells += [.decimal(row.subtotal.description), .text(row.corrections), .text(row.remarks)]
            let lines = zip(cells, columns).map { cell, column -> Int in
                guard case let .text(value) = cell, column.style.wrap else { return 1 }
                return lineCount(value, width: column.width, size: fontSize)
            }.max() ?? 1
            try sheet.setRowHeight(sheet.nextRow, points: rowHeight(lines: lines, size: fontSize))
            try sheet.writeRow(cells, styles: columns.map(\.style))
        }

        // 注.
        if !table.notes.isEmpty {
            try sheet.setRowHeight(sheet.nextRow, points: 6)
            try sheet.writeRow([])
            for (index, line) in table.notes.enumerated() {
                let text = index == 0 ? "注：\(line)" : "\(index). \(line)"
                try sheet.setRowHeight(sheet.nextRow, points: height(text, width: totalWidth, span: columns.count, size: fontSize))
                try sheet.mergeCells(rows: sheet.nextRow...sheet.nextRow, columns: 0...last, text: text, style: note)
            }
        }

        try sheet.setUpPrinting(PrintSetup(repeatedRows: headerTop...headerTop + 1,
                                           footer: "&C&\"-,Regular\"&10第 &P 页／共 &N 页",
                                           margins: (0.3, 0.3, 0.4, 0.5)))
    }

    /// How many lines `text` takes in a cell `width` Excel units wide at `size` points: a CJK or
    /// full-width character is `size` wide, any other about 0.55 `size`. A column of `w` units is
    /// ⌊7w + 5⌋ px at 96 dpi (Calibri 11's digit is 7 px; `span` columns merged add their padding),
    /// less the cell's own padding; 95% of that is counted on, so that the estimate errs long (a
    /// cut line is worse than a spare one).
    static func lineCount(_ text: String, width: Double, size: Double, span: Int = 1) -> Int {
        let points = ((7 * width).rounded(.down) + 5 * Double(span)) * 0.75
        let available = max(points - 5, size) * 0.95
        return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { total, paragraph in
            let needed = paragraph.unicodeScalars.reduce(0.0) { $0 + ($1.value >= 0x2E80 ? size : size * 0.55) }
            return total + max(1, Int((needed / available).rounded(.up)))
        }
    }

    /// The height of a row of `lines` lines of `size` points (the CJK font's line is about 1.2 its size).
    static func rowHeight(lines: Int, size: Double) -> Double {
        Double(lines) * size * 1.25 + 3.5
    }

    /// The height of a merged row holding `text` across `width` units (`span` columns) at `size` points.
    static func height(_ text: String, width: Double, span: Int, size: Double) -> Double {
        rowHeight(lines: lineCount(text, width: width, size: size, span: span), size: size)
    }
}
