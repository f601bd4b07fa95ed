/// Rows of one side that must not be compared (docs/rules.md, "What counts as a difference"): e.g.
/// records a province keeps with a 注销 status, or a ministry's own cancelled marker beside its
/// deleted flag. A column and the values (compared as text) that exclude a row, or that a row must
/// have to be included. A NULL value is never one of the values: excluded rows need a listed value,
/// included rows too.
public struct RowFilter: Sendable, Equatable, Hashable {
    /// Keep or drop the rows holding one of `values`.
    public enum Mode: String, Sendable, Equatable, Hashable {
        /// Keep only the rows whose column holds one of the values.
        case include
        /// Drop the rows whose column holds one of the values.
        case exclude
    }

    /// The column (of the side's table).
    public var column: String
    /// The values, compared as text.
    public var values: [String]
    /// Keep or drop.
    public var mode: Mode

    /// A filter.
    public init(column: String, values: [String], mode: Mode) {
        self.column = column
        self.values = values
        self.mode = mode
    }
}
