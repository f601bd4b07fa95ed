/// A compact one-line TOML rendering (inline tables and arrays), for logs and tests:
/// `{name = "vehicles", key = ["plate_number", "plate_colour"]}`. Positions are not shown.
extension TOMLValue: CustomStringConvertible {
    /// The value as inline TOML.
    public var description: String {
        switch self {
        case .string(let value): TOMLSyntax.quoted(value)
        case .integer(let value): String(value)
        case .bool(let value): value ? "true" : "false"
        case .array(let array): array.description
        case .table(let table): table.description
        }
    }
}

extension TOMLArray: CustomStringConvertible {
    /// The array as inline TOML: `[1, "a", {b = true}]`.
    public var description: String {
        "[" + elements.map(\.value.description).joined(separator: ", ") + "]"
    }
}

extension TOMLTable: CustomStringConvertible {
    /// The table as an inline table: `{a = 1, "quoted key" = "x"}`.
    public var description: String {
        "{" + entries.map { "\(TOMLSyntax.key($0.key)) = \($0.value)" }.joined(separator: ", ") + "}"
    }
}

/// Spelling of keys and strings in TOML source form.
package enum TOMLSyntax {
    /// Whether a scalar may appear in a bare key: `A-Z a-z 0-9 _ -`.
    static func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
        default: false
        }
    }

    /// A key as written in TOML: bare when possible, else a basic string.
    static func key(_ key: String) -> String {
        if !key.isEmpty, key.unicodeScalars.allSatisfy(isBareKeyScalar) { return key }
        return quoted(key)
    }

    /// A dotted key path as written in a header: `a.b."c d"`.
    static func path(_ keys: [String]) -> String {
        keys.map(key).joined(separator: ".")
    }

    /// A basic string literal with escapes for quotes, backslashes and control characters.
    package static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{00}"..."\u{1F}", "\u{7F}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
