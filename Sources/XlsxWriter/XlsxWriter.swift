import CXlsxWriter

/// The libxlsxwriter version linked in.
public enum XlsxLibrary {
    /// e.g. "1.1.4".
    public static var version: String { String(cString: lxw_version()) }
}
