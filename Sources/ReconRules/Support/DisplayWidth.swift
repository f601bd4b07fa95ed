/// Terminal display width of text: East Asian wide and full-width characters (汉字, 全角) take two
/// columns, combining marks none, everything else one — so that Chinese tables line up.
public enum DisplayWidth {
    /// The number of terminal columns `text` takes.
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// Columns taken by one scalar.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 || (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || v == 0xFE0F { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v) {
            return 2
        }
        return 1
    }

    /// `text` padded with spaces to `width` columns (left-aligned, or right-aligned numbers).
    public static func pad(_ text: String, to width: Int, rightAligned: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(text)))
        return rightAligned ? fill + text : text + fill
    }
}

/// A plain-text table with columns aligned by display width.
public struct TextTable: Sendable {
    /// Column headers.
    public var headers: [String]
    /// Rows of cells.
    public var rows: [[String]]
    /// Columns to right-align (numbers).
    public var rightAligned: Set<Int>

    /// A table.
    public init(headers: [String], rows: [[String]] = [], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rows = rows
        self.rightAligned = rightAligned
    }

    /// The table as lines: header, a rule, the rows.
    public func rendered() -> String {
        let columns = headers.count
        var widths = headers.map(DisplayWidth.of)
        for row in rows {
            for (i, cell) in row.enumerated() where i < columns { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        func line(_ cells: [String]) -> String {
            (0..<columns).map { i in
                DisplayWidth.pad(i < cells.count ? cells[i] : "", to: widths[i], rightAligned: rightAligned.contains(i))
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
