/// Excel's A1 notation for a zero-based row and column, used in error messages
/// (e.g. row 0, column 27 → `AB1`).
enum CellReference {
    /// The column letters of a zero-based column: 0 → `A`, 25 → `Z`, 26 → `AA`, 16383 → `XFD`.
    static func columnName(_ column: Int) -> String {
        var number = column + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    /// `columnName(column)` followed by the one-based row number, e.g. `C5`.
    static func a1(row: Int, column: Int) -> String {
        "\(columnName(column))\(row + 1)"
    }
}
