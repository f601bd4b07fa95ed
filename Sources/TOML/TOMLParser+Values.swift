/// Values: strings, integers, booleans, arrays and inline tables. Floats, `inf`/`nan`, dates and
/// times are recognised only to be rejected with a "not supported here" error.
extension TOMLParser {
    /// Parses the value starting at the cursor; `path` names it in nested messages
    /// (`record_set.fields[0]`).
    mutating func parseValue(path: String) throws -> TOMLValue {
        switch scanner.peek() {
        case "\"":
            return .string(try parseBasicString())
        case "'":
            return .string(try parseLiteralString())
        case "[":
            return .array(try parseArray(path: path))
        case "{":
            return .table(try parseInlineTable(path: path))
        default:
            return try parseBareValue()
        }
    }

    /// Parses `[ v, v, … ]`: newlines and comments allowed between elements, trailing comma allowed,
    /// mixed types allowed (TOML 1.0).
    private mutating func parseArray(path: String) throws -> TOMLArray {
        let start = scanner.position
        scanner.advance()
        var elements: [TOMLArray.Element] = []
        while true {
            try scanner.skipTrivia()
            if scanner.peek() == "]" { break }
            if scanner.isAtEnd {
                throw scanner.error("unterminated array (opened at line \(start.line), column \(start.column))")
            }
            let position = scanner.position
            let value = try parseValue(path: "\(path)[\(elements.count)]")
            elements.append(TOMLArray.Element(value: value, line: position.line, column: position.column))
            try scanner.skipTrivia()
            if scanner.peek() == "," {
                scanner.advance()
            } else if scanner.peek() != "]" {
                if scanner.isAtEnd {
                    throw scanner.error("unterminated array (opened at line \(start.line), column \(start.column))")
                }
                throw scanner.error("expected ',' or ']' in the array, found \(scanner.describeNext())")
            }
        }
        scanner.advance()
        return TOMLArray(elements: elements, isArrayOfTables: false, line: start.line, column: start.column)
    }

    /// Parses `{ k = v, … }` on one line (TOML 1.0: no newline outside nested values, no trailing
    /// comma); the table cannot be extended afterwards.
    private mutating func parseInlineTable(path: String) throws -> TOMLTable {
        let start = scanner.position
        scanner.advance()
        let table = TOMLNodeTable(origin: .inline, position: start, keyPath: [], inlinePath: path)
        scanner.skipWhitespace()
        if scanner.peek() == "}" {
            scanner.advance()
            return table.freeze()
        }
        while true {
            scanner.skipWhitespace()
            try rejectLineBreakInInlineTable()
            _ = try parseKeyValue(into: table)
            scanner.skipWhitespace()
            try rejectLineBreakInInlineTable()
            switch scanner.peek() {
            case ",":
                scanner.advance()
                scanner.skipWhitespace()
                if scanner.peek() == "}" {
                    throw scanner.error("trailing comma in an inline table (not allowed in TOML 1.0)")
                }
            case "}":
                scanner.advance()
                return table.freeze()
            case nil:
                throw scanner.error("unterminated inline table (opened at line \(start.line), column \(start.column))")
            default:
                throw scanner.error("expected ',' or '}' in the inline table, found \(scanner.describeNext())")
            }
        }
    }

    /// Inline tables live on one line.
    private func rejectLineBreakInInlineTable() throws {
        if scanner.isAtNewline || scanner.peek() == "\r" || scanner.peek() == "#" {
            throw scanner.error("an inline table must be on one line (TOML 1.0); use a [table] or [[array-of-tables]] header for longer tables")
        }
    }

    /// Parses a value that is not quoted or bracketed: `true`, `false`, an integer; rejects floats,
    /// dates and bare words.
    private mutating func parseBareValue() throws -> TOMLValue {
        let start = scanner.position
        var token = ""
        while let scalar = scanner.peek(), TOMLParser.isBareValueScalar(scalar) {
            token.unicodeScalars.append(scalar)
            scanner.advance()
        }
        guard let first = token.unicodeScalars.first else {
            throw scanner.error("expected a value, found \(scanner.describeNext())\(scanner.isAtEnd || scanner.isAtNewline ? "" : " (strings must be quoted)")")
        }
        if token == "true" { return .bool(true) }
        if token == "false" { return .bool(false) }
        let unsigned = first == "+" || first == "-" ? String(token.dropFirst()) : token
        if TOMLParser.looksLikeDateOrTime(token) {
            throw scanner.error("dates and times are not supported here; write \(token) as a string, e.g. \"\(token)\" (recon reads dates as Beijing time)", at: start)
        }
        if unsigned == "inf" || unsigned == "nan" {
            throw scanner.error("floating-point value \(token) is not supported here (recon uses exact arithmetic)", at: start)
        }
        guard first == "+" || first == "-" || ("0"..."9").contains(first) else {
            throw scanner.error("invalid value \(token): strings must be quoted (\"\(token)\"), booleans are true or false", at: start)
        }
        for (prefix, radix, name) in [("0x", 16, "hexadecimal"), ("0o", 8, "octal"), ("0b", 2, "binary")] where unsigned.hasPrefix(prefix) {
            guard unsigned == token else {
                throw scanner.error("a \(name) integer cannot have a sign: \(token)", at: start)
            }
            let digits = try integerDigits(String(unsigned.dropFirst(2)), radix: radix, token: token, at: start)
            guard let value = Int(digits, radix: radix) else {
                throw scanner.error("integer \(token) does not fit in 64 bits", at: start)
            }
            return .integer(value)
        }
        if unsigned.contains(".") || unsigned.contains("e") || unsigned.contains("E") {
            throw scanner.error("floating-point number \(token) is not supported here (recon uses exact arithmetic); write it as an integer or a string, e.g. \"\(token)\"", at: start)
        }
        let digits = try integerDigits(unsigned, radix: 10, token: token, at: start)
        if digits.count > 1, digits.hasPrefix("0") {
            throw scanner.error("leading zeros are not allowed in integer \(token)", at: start)
        }
        guard let value = Int((first == "-" ? "-" : "") + digits) else {
            throw scanner.error("integer \(token) does not fit in 64 bits", at: start)
        }
        return .integer(value)
    }

    /// The digits of an integer with its underscores removed, after checking that each underscore
    /// sits between two digits and every digit suits the radix.
    private func integerDigits(_ text: String, radix: Int, token: String, at start: TOMLPosition) throws -> String {
        var digits = ""
        var previousWasDigit = false
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_" {
                guard previousWasDigit, index + 1 < scalars.count, scalars[index + 1] != "_" else {
                    throw scanner.error("invalid integer \(token): an underscore must sit between two digits", at: start)
                }
                previousWasDigit = false
                continue
            }
            guard Int(String(scalar), radix: radix) != nil else {
                throw scanner.error("invalid integer \(token)", at: start)
            }
            digits.unicodeScalars.append(scalar)
            previousWasDigit = true
        }
        guard !digits.isEmpty else { throw scanner.error("invalid integer \(token)", at: start) }
        return digits
    }

    /// Scalars that may make up an unquoted value (numbers, booleans, dates, `inf`, `nan`).
    private static func isBareValueScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "+", "-", ".", ":": true
        default: false
        }
    }

    /// `1979-05-27…` or `07:32:00…`.
    private static func looksLikeDateOrTime(_ token: String) -> Bool {
        let scalars = Array(token.unicodeScalars)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= scalars.count && range.allSatisfy { ("0"..."9").contains(scalars[$0]) }
        }
        return (digits(0..<4) && scalars.count > 4 && scalars[4] == "-")
            || (digits(0..<2) && scalars.count > 2 && scalars[2] == ":")
    }
}
