import CXlsxWriter

// Module `XlsxWriter`: a small, safe Swift face on libxlsxwriter for writing rectification lists
// (整改清单) that provinces open in Excel or WPS. This module is the only importer of
// `CXlsxWriter`; no C pointer or C type appears in its public API.
//
// Start with ``Workbook``; write rows with ``Worksheet``; values are ``Cell``s; failures are
// ``XlsxError``s; Excel's size limits are in ``ExcelLimits``.

/// The libxlsxwriter version linked in.
public enum XlsxLibrary {
    /// e.g. "1.1.4".
    public static var version: String { String(cString: lxw_version()) }
}
