import Foundation

/// Small JSON helpers for values the results database hands over as JSON text.
enum JSONText {
    /// A JSON array of strings, e.g. `["operators","vehicles"]`.
    static func strings(_ text: String, what: String) throws -> [String] {
        do {
            return try JSONDecoder().decode([String].self, from: Data(text.utf8))
        } catch {
            throw ListError.malformed(what: what, value: text)
        }
    }

    /// A JSON array of strings or nulls, e.g. `["豫A12345",null]`.
    static func optionalStrings(_ text: String, what: String) throws -> [String?] {
        do {
            return try JSONDecoder().decode([String?].self, from: Data(text.utf8))
        } catch {
            throw ListError.malformed(what: what, value: text)
        }
    }

    /// `value` as a JSON string literal (UTF-8 kept, control characters escaped).
    static func quote(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
