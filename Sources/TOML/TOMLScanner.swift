/// A place in the source: 1-based line and column (columns count Unicode scalars).
struct TOMLPosition: Sendable, Equatable {
    /// The line.
    var line: Int
    /// The column.
    var column: Int
}

/// A cursor over the Unicode scalars of a TOML document that tracks lines and columns and knows
/// TOML's whitespace, newlines and comments.
struct TOMLScanner {
    /// The whole document.
    let scalars: [Unicode.Scalar]
    /// The file name used in errors.
    let fileName: String
    /// The index of the next scalar.
    private(set) var index = 0
    /// The current line (1-based).
    private(set) var line = 1
    /// The index of the first scalar of the current line.
    private var lineStart = 0

    /// A scanner at the start of a document, past a byte order mark if there is one.
    init(scalars: [Unicode.Scalar], fileName: String) {
        self.scalars = scalars
        self.fileName = fileName
        if scalars.first == "\u{FEFF}" {
            index = 1
            lineStart = 1
        }
    }

    /// Where the next scalar is.
    var position: TOMLPosition { TOMLPosition(line: line, column: index - lineStart + 1) }

    /// Whether the whole document has been read.
    var isAtEnd: Bool { index >= scalars.count }

    /// The scalar `offset` places ahead, or `nil` past the end.
    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let at = index + offset
        return at < scalars.count ? scalars[at] : nil
    }

    /// Whether the next scalars spell `text`.
    func looksAt(_ text: String) -> Bool {
        var offset = 0
        for scalar in text.unicodeScalars {
            guard peek(offset) == scalar else { return false }
            offset += 1
        }
        return true
    }

    /// Moves past one scalar, counting lines at line feeds.
    mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < scalars.count {
            if scalars[index] == "\n" {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
    }

    /// An error at the current position (or at `position`).
    func error(_ message: String, at position: TOMLPosition? = nil) -> TOMLError {
        let at = position ?? self.position
        return TOMLError(fileName: fileName, line: at.line, column: at.column, message: message)
    }

    /// Whether the next scalars are a newline (`LF` or `CR LF`).
    var isAtNewline: Bool {
        peek() == "\n" || (peek() == "\r" && peek(1) == "\n")
    }

    /// Consumes a newline, or throws at a carriage return that is not followed by a line feed.
    /// Returns `false` (consuming nothing) when the next scalar is no newline.
    @discardableResult
    mutating func consumeNewline() throws -> Bool {
        switch peek() {
        case "\n":
            advance()
            return true
        case "\r":
            guard peek(1) == "\n" else {
                throw error("carriage return (U+000D) without a line feed")
            }
            advance(2)
            return true
        default:
            return false
        }
    }

    /// Skips spaces and tabs.
    mutating func skipWhitespace() {
        while let scalar = peek(), scalar == " " || scalar == "\t" { advance() }
    }

    /// Skips a `#` comment up to (not including) the end of the line; control characters other
    /// than tab are not allowed in comments.
    mutating func skipComment() throws {
        guard peek() == "#" else { return }
        while let scalar = peek(), scalar != "\n" {
            if scalar == "\r", peek(1) == "\n" { return }
            if TOMLScanner.isForbiddenControl(scalar) {
                throw error("control character \(TOMLScanner.describe(scalar)) is not allowed in a comment")
            }
            advance()
        }
    }

    /// Skips whitespace, comments and newlines (inside arrays).
    mutating func skipTrivia() throws {
        while true {
            skipWhitespace()
            if peek() == "#" {
                try skipComment()
            } else if try !consumeNewline() {
                return
            }
        }
    }

    /// Requires the rest of the line to be blank or a comment, and consumes its newline.
    mutating func expectEndOfLine(after what: String) throws {
        skipWhitespace()
        try skipComment()
        if isAtEnd { return }
        guard try consumeNewline() else {
            throw error("expected the end of the line after \(what), found \(describeNext())")
        }
    }

    /// The next scalar for messages: `'x'`, `end of line`, `end of file`, `U+0007`.
    func describeNext() -> String {
        guard let scalar = peek() else { return "end of file" }
        if isAtNewline { return "end of line" }
        return TOMLScanner.describe(scalar)
    }

    /// A scalar for messages: `'x'` when printable, else `U+XXXX`.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        if isForbiddenControl(scalar) || scalar == "\t" || scalar == "\r" || scalar == "\n" {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return "'\(Character(scalar))'"
    }

    /// Control characters TOML forbids in strings and comments (tab is allowed; newlines are
    /// handled by the caller): U+0000–U+0008, U+000A–U+001F, U+007F.
    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x08, 0x0A...0x1F, 0x7F: true
        default: false
        }
    }
}
