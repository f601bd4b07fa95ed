/// The four TOML string forms: basic `"…"` with escapes, literal `'…'`, and their multi-line
/// `"""…"""` / `'''…'''` variants (a newline right after the opening delimiter is dropped;
/// CR LF becomes LF; in basic ones a backslash at the end of a line joins it to the next
/// non-blank text).
extension TOMLParser {
    /// Parses a basic string (single- or multi-line) starting at its opening quote.
    mutating func parseBasicString() throws -> String {
        if scanner.looksAt("\"\"\"") { return try parseMultiLineString(quote: "\"") }
        let start = scanner.position
        scanner.advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = scanner.peek() else {
                throw scanner.error("unterminated string (opened at line \(start.line), column \(start.column))")
            }
            switch scalar {
            case "\"":
                scanner.advance()
                return String(text)
            case "\\":
                text.append(try parseEscape())
            case "\n", "\r":
                throw scanner.error("unterminated string (opened at column \(start.column)): a basic string ends on its line; use \"\"\" for a multi-line string")
            default:
                try checkStringScalar(scalar)
                text.append(scalar)
                scanner.advance()
            }
        }
    }

    /// Parses a literal string (single- or multi-line) starting at its opening quote.
    mutating func parseLiteralString() throws -> String {
        if scanner.looksAt("'''") { return try parseMultiLineString(quote: "'") }
        let start = scanner.position
        scanner.advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = scanner.peek() else {
                throw scanner.error("unterminated literal string (opened at line \(start.line), column \(start.column))")
            }
            switch scalar {
            case "'":
                scanner.advance()
                return String(text)
            case "\n", "\r":
                throw scanner.error("unterminated literal string (opened at column \(start.column)): a literal string ends on its line; use ''' for a multi-line string")
            default:
                try checkStringScalar(scalar)
                text.append(scalar)
                scanner.advance()
            }
        }
    }

    /// Parses `"""…"""` (quote `"`, escapes on) or `'''…'''` (quote `'`, no escapes).
    private mutating func parseMultiLineString(quote: Unicode.Scalar) throws -> String {
        let start = scanner.position
        let isBasic = quote == "\""
        scanner.advance(3)
        try scanner.consumeNewline()
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = scanner.peek() else {
                throw scanner.error("unterminated multi-line string (opened at line \(start.line), column \(start.column))")
            }
            if scalar == quote {
                var run = 0
                while scanner.peek(run) == quote { run += 1 }
                if run < 3 {
                    for _ in 0..<run { text.append(quote) }
                    scanner.advance(run)
                    continue
                }
                guard run <= 5 else {
                    throw scanner.error("too many quotes (\(run)) at the end of a multi-line string; at most two may precede the closing delimiter")
                }
                for _ in 0..<(run - 3) { text.append(quote) }
                scanner.advance(run)
                return String(text)
            }
            if try scanner.consumeNewline() {
                text.append("\n")
            } else if isBasic, scalar == "\\" {
                if try !skipLineEndingBackslash() { text.append(try parseEscape()) }
            } else {
                try checkStringScalar(scalar)
                text.append(scalar)
                scanner.advance()
            }
        }
    }

    /// At a backslash followed by optional blanks and a newline: skips it and all whitespace and
    /// newlines after it, returning `true`. Otherwise consumes nothing and returns `false`.
    private mutating func skipLineEndingBackslash() throws -> Bool {
        var offset = 1
        while let scalar = scanner.peek(offset), scalar == " " || scalar == "\t" { offset += 1 }
        guard scanner.peek(offset) == "\n" || (scanner.peek(offset) == "\r" && scanner.peek(offset + 1) == "\n") else {
            return false
        }
        scanner.advance(offset)
        while true {
            scanner.skipWhitespace()
            guard try scanner.consumeNewline() else { return true }
        }
    }

    /// Parses an escape starting at its backslash: `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX`.
    private mutating func parseEscape() throws -> Unicode.Scalar {
        let start = scanner.position
        scanner.advance()
        guard let letter = scanner.peek() else {
            throw scanner.error("unterminated escape sequence at the end of the file")
        }
        scanner.advance()
        switch letter {
        case "b": return "\u{08}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "\"": return "\""
        case "\\": return "\\"
        case "u": return try parseUnicodeEscape(digits: 4, start: start)
        case "U": return try parseUnicodeEscape(digits: 8, start: start)
        default:
            throw scanner.error("invalid escape sequence \\\(Character(letter)) (allowed: \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX)", at: start)
        }
    }

    /// Reads the hex digits of `\u` / `\U` and checks they name a Unicode scalar value.
    private mutating func parseUnicodeEscape(digits: Int, start: TOMLPosition) throws -> Unicode.Scalar {
        var value: UInt32 = 0
        var spelled = ""
        for _ in 0..<digits {
            guard let scalar = scanner.peek(), let digit = hexValue(scalar) else {
                throw scanner.error("\\\(digits == 4 ? "u" : "U") needs exactly \(digits) hexadecimal digits", at: start)
            }
            spelled.unicodeScalars.append(scalar)
            value = value &* 16 &+ digit
            scanner.advance()
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw scanner.error("\\\(digits == 4 ? "u" : "U")\(spelled) is not a Unicode scalar value", at: start)
        }
        return scalar
    }

    /// The value of a hexadecimal digit.
    private func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 0x30
        case "a"..."f": scalar.value - 0x61 + 10
        case "A"..."F": scalar.value - 0x41 + 10
        default: nil
        }
    }

    /// Rejects control characters other than tab inside a string.
    private func checkStringScalar(_ scalar: Unicode.Scalar) throws {
        if TOMLScanner.isForbiddenControl(scalar) {
            throw scanner.error("control character \(TOMLScanner.describe(scalar)) must be escaped in a string")
        }
    }
}
