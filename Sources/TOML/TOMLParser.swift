/// The TOML 1.0 subset parser: reads lines of `key = value`, `[table]` and `[[array.of.tables]]`
/// into a tree of ``TOMLNodeTable``s, then freezes it.
struct TOMLParser {
    /// The cursor.
    var scanner: TOMLScanner
    /// The document's table.
    let root: TOMLNodeTable
    /// The table that `key = value` lines go into (the last header's).
    var current: TOMLNodeTable

    /// A parser over a document.
    init(scalars: [Unicode.Scalar], fileName: String) {
        scanner = TOMLScanner(scalars: scalars, fileName: fileName)
        root = TOMLNodeTable(origin: .root, position: TOMLPosition(line: 1, column: 1), keyPath: [])
        current = root
    }

    /// Parses the whole document.
    mutating func parseDocument() throws -> TOMLTable {
        while !scanner.isAtEnd {
            scanner.skipWhitespace()
            switch scanner.peek() {
            case nil:
                break
            case "#":
                try scanner.skipComment()
                try scanner.expectEndOfLine(after: "a comment")
            case "\n", "\r":
                try scanner.consumeNewline()
            case "[":
                let what = try parseHeader()
                try scanner.expectEndOfLine(after: what)
            default:
                let keys = try parseKeyValue(into: current)
                try scanner.expectEndOfLine(after: "the value of \"\(TOMLSyntax.path(keys.map(\.name)))\"")
            }
        }
        return root.freeze()
    }

    /// Parses `[a.b]` or `[[a.b]]` and makes its table current; returns the header as written
    /// (for messages).
    private mutating func parseHeader() throws -> String {
        let start = scanner.position
        scanner.advance()
        let isArray = scanner.peek() == "["
        if isArray { scanner.advance() }
        let keys = try parseKey()
        let closing = isArray ? "]]" : "]"
        guard scanner.looksAt(closing) else {
            throw scanner.error("expected '\(closing)' to close the \(isArray ? "array-of-tables " : "")header, found \(scanner.describeNext())")
        }
        scanner.advance(closing.count)
        if isArray {
            current = try appendArrayElement(keys, header: start)
            return "[[\(TOMLSyntax.path(keys.map(\.name)))]]"
        }
        current = try defineTable(keys, header: start)
        return "[\(TOMLSyntax.path(keys.map(\.name)))]"
    }

    /// Parses `key = value` (the key possibly dotted) into `table`; returns the key.
    mutating func parseKeyValue(into table: TOMLNodeTable) throws -> [TOMLKeySegment] {
        let keys = try parseKey()
        guard scanner.peek() == "=" else {
            throw scanner.error("expected '=' after the key \"\(TOMLSyntax.path(keys.map(\.name)))\", found \(scanner.describeNext())")
        }
        scanner.advance()
        scanner.skipWhitespace()
        let value = try parseValue(path: table.valuePath(keys.map(\.name)))
        try insert(value, at: keys, into: table)
        return keys
    }
}
