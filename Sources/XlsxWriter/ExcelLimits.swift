/// The limits of an Excel 2007+ worksheet that this module enforces before calling libxlsxwriter.
///
/// Source: Microsoft, "Excel specifications and limits" (the same numbers libxlsxwriter uses as
/// `LXW_ROW_MAX`, `LXW_COL_MAX`, `LXW_STR_MAX` and `LXW_SHEETNAME_MAX`).
public enum ExcelLimits {
    /// Rows per worksheet: 1,048,576.
    public static let maxRows = 1_048_576
    /// Columns per worksheet: 16,384 (A…XFD).
    public static let maxColumns = 16_384
    /// Characters in one cell: 32,767. Counted here in UTF-16 code units, as Excel counts them
    /// (a character outside the Basic Multilingual Plane counts twice).
    public static let maxCellTextLength = 32_767
    /// Characters in a sheet name: 31 (UTF-16 code units, as Excel counts them).
    public static let maxSheetNameLength = 31
    /// The largest magnitude an integer cell may have: 15 digits. Excel keeps only 15 significant
    /// digits of a number, so an 18-digit ID number written as a number would be changed
    /// (e.g. `110101199001011234` → `110101199001011000`); write identifiers as ``Cell/text(_:)``.
    public static let maxExactInteger = 999_999_999_999_999
    /// Significant digits Excel keeps in a number: 15.
    public static let maxSignificantDigits = 15
}
