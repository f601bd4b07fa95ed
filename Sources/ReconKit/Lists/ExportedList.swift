/// A list written to a file by `ListExporter`.
import ReconRules

public struct ExportedList: Sendable, Hashable {
    /// The file written.
    public let path: String
    /// The list.
    public let list: RectificationList
    /// The format.
    public let format: ListFormat
    /// Items written (distinct 序号).
    public let items: Int
    /// Data rows written (one per differing field; header rows not counted).
    public let rows: Int
    /// The sheets, in order (XLSX only).
    public let sheets: [String]
}
