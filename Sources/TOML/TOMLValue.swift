/// A TOML value as this parser supports it: strings, integers, booleans, arrays and tables.
///
/// Floats, dates and times are rejected by the parser with a "not supported here" error: recon's
/// configuration has no use for them and the project keeps to exact arithmetic and explicit
/// Beijing-time strings.
public enum TOMLValue: Sendable, Equatable {
    /// A basic or literal string, single- or multi-line, escapes resolved.
    case string(String)
    /// A 64-bit signed integer (decimal with `_` and sign, or `0x`/`0o`/`0b`).
    case integer(Int)
    /// `true` or `false`.
    case bool(Bool)
    /// An array: a literal `[ … ]` or an array of tables built from `[[…]]` headers.
    case array(TOMLArray)
    /// A table: the root, a `[header]` table, a dotted-key table or an inline `{ … }` table.
    case table(TOMLTable)

    /// The type with an article, for messages: `a string`, `an integer`, `a boolean`, `an array`,
    /// `a table`, `an array of tables`.
    public var typeDescription: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .bool: "a boolean"
        case .array(let array): array.isArrayOfTables ? "an array of tables" : "an array"
        case .table: "a table"
        }
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// The integer, when this is an integer.
    public var integerValue: Int? {
        if case .integer(let value) = self { value } else { nil }
    }

    /// The boolean, when this is a boolean.
    public var boolValue: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    /// The array, when this is an array.
    public var arrayValue: TOMLArray? {
        if case .array(let value) = self { value } else { nil }
    }

    /// The table, when this is a table.
    public var tableValue: TOMLTable? {
        if case .table(let value) = self { value } else { nil }
    }
}
