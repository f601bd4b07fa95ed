/// One cell value of a row written by ``Worksheet/writeRow(_:)``.
///
/// Identifiers — ID numbers (身份证号, 18 characters, may end in `X`), 12-digit permit numbers
/// (道路运输证号), plates (车牌号), codes with leading zeros — must be written as ``text(_:)``:
/// Excel keeps only 15 significant digits of a number and drops leading zeros. Text cells carry
/// Excel's text number format (`@`) and the sheet ignores Excel's "number stored as text" warning.
public enum Cell: Sendable, Hashable {
    /// Text, written as a string cell with the text format. Newlines, commas and quotes are kept.
    /// A NUL character (which an XLSX cell cannot hold) is replaced by U+FFFD.
    case text(String)
    /// A whole number of at most 15 digits (``ExcelLimits/maxExactInteger``); shown with format
    /// `0` so that 12–15 digit values are not shown in scientific notation. Larger values throw
    /// ``XlsxError/numberNotExact(sheet:cell:value:reason:)``.
    case integer(Int)
    /// An exact decimal number given as text: an optional `-`, digits without a superfluous
    /// leading zero, optionally `.` and digits (e.g. `"83.33"`, `"-0.5"`, `"100"`), at most 15
    /// significant digits so that Excel shows it exactly. Anything else throws
    /// ``XlsxError/numberNotExact(sheet:cell:value:reason:)``.
    case decimal(String)
    /// A calendar date (year 1900…9999), written as an Excel date shown `yyyy-mm-dd`.
    /// Callers pass the Beijing-time (UTC+8) civil date.
    case date(year: Int, month: Int, day: Int)
    /// A wall-clock date and time (to the second), written as an Excel date-time shown
    /// `yyyy-mm-dd hh:mm:ss`. Excel has no time zones: callers pass Beijing time (UTC+8).
    case dateTime(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)
    /// No value: the cell is left out.
    case empty

    /// ``text(_:)`` for a value, ``empty`` for nil.
    public init(text: String?) {
        self = text.map { .text($0) } ?? .empty
    }
}
