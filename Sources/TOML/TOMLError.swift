/// A problem in a TOML file: a syntax error found by ``TOMLDocument`` or a mapping error found by
/// ``TOMLReader`` (missing key, wrong type, unknown key).
///
/// `description` is `file:line:column: message` for syntax errors and `file:line: message` for
/// errors about a key or a table (whose column is not the point), e.g.
/// `recon.toml:14: unknown key "tabel" in [[record_set]] (did you mean "table"?)`.
public struct TOMLError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file name as given to the parser (e.g. `recon.toml`).
    public let fileName: String
    /// The 1-based line, or `nil` when the problem concerns the file as a whole (a key missing at
    /// the top level).
    public let line: Int?
    /// The 1-based column in Unicode scalars, when it matters.
    public let column: Int?
    /// The message, without the location.
    public let message: String

    /// An error at a place in a file.
    public init(fileName: String, line: Int?, column: Int? = nil, message: String) {
        self.fileName = fileName
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, `file:line: message` or `file: message`.
    public var description: String {
        var location = fileName
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(message)"
    }
}
