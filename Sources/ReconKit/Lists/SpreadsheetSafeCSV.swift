/// How a rectification list's CSV cells are written (docs/rules.md, "Lists in spreadsheets").
///
/// A province opens the CSV in Excel, WPS or LibreOffice, which evaluate formulas and turn long
/// digit strings into rounded numbers. By default (`spreadsheetSafe`, after OWASP's CSV-injection
/// guidance) every cell is written so that no spreadsheet evaluates it and no digit is lost:
///
/// | the value | is written | opens as |
/// | --- | --- | --- |
/// | starts with `=` `+` `-` `@`, a tab or a CR (`=HYPERLINK(…)`, `-2+3`) | with a leading apostrophe: `'=HYPERLINK(…)` | text, apostrophe shown: nothing is evaluated |
/// | only ASCII digits, 12 or more (身份证号, 统一社会信用代码, 许可证号), or 2 or more with a leading 0 | as the formula `="410102196707138123"` | the text, every digit kept |
/// | anything else | as it is | as it is |
///
/// `raw` writes every value exactly (`recon lists export --raw`): for machines, not for
/// spreadsheets. To get a raw value back from a safe file, drop one leading apostrophe of a cell
/// that starts with `'=`, `'+`, `'-`, `'@`, `'\t` or `'\r`, and read `="…"` as the text inside the quotes.
public enum CSVCellStyle: String, Sendable, Hashable, CaseIterable {
    /// Neutralised formulas and protected digit strings (the default).
    case spreadsheetSafe
    /// Every value exactly as stored.
    case raw

    /// The digit count from which an all-digit value is protected (Excel shows 12 or more digits
    /// in scientific notation and keeps only 15).
    public static let protectedDigits = 12

    /// `value` as this style writes it.
    public func cell(_ value: String) -> String {
        guard self == .spreadsheetSafe, let first = value.utf8.first else { return value }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
            return "'" + value
        default:
            let count = value.utf8.count
            let allDigits = value.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            if allDigits && (count >= Self.protectedDigits || (count >= 2 && first == UInt8(ascii: "0"))) {
                return "=\"" + value + "\""
            }
            return value
        }
    }
}
