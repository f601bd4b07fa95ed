/// The file formats of an exported list.
import ReconRules

public enum ListFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// UTF-8 CSV with BOM, RFC 4180, CRLF: one file for the whole list.
    case csv
    /// XLSX: a summary sheet 汇总, then one sheet per record set (split beyond Excel's row limit).
    case xlsx

    /// The format named `name` (`csv`, `xlsx`, any case); `ListError.unknownFormat` otherwise.
    public static func named(_ name: String) throws -> ListFormat {
        guard let format = ListFormat(rawValue: name.lowercased()) else { throw ListError.unknownFormat(name) }
        return format
    }

    /// The file extension.
    public var fileExtension: String { rawValue }

    /// The name.
    public var description: String { rawValue }
}
