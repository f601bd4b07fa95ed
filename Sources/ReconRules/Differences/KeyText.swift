/// A key of one or more parts written as one unambiguous, readable line (issue 15: keys (`K / 1`,
/// `2`) and (`K`, `1 / 2`) must not both print `K / 1 / 2`; issue 25 case 12: nor (`K /`, `1`) and
/// (`K`, `/ 1`) both `K / / 1`). docs/rules.md, "Lists: key columns".
///
/// Parts are joined by ` / `. NULL is `(空)`. A part is written as it is — every real plate, ID or
/// licence number, so the usual key reads `豫A12345 / 2` — unless it is *awkward*: empty, literally
/// `(空)`, containing `"`, containing a `/` next to a space (the separator itself, or a part
/// beginning `/ ` or ending ` /`, which a reader would split wrongly), beginning or ending with white
/// space, beginning with a combining mark, or holding an invisible character (a control, format or
/// line/paragraph separator character). An awkward part is written in double quotes:
/// - `"` inside is doubled (`""`), `\` inside is doubled (`\\`);
/// - an invisible character, or a combining mark at the start, is written `\u{XXXX}` (hex of the
///   Unicode scalar, at least four digits), so a line break or a zero-width space is seen.
/// ``parts(_:)`` reads this back exactly (Unicode scalars, never a changed normal form):
/// `parts(combined(k)) == k` for every key.
public enum KeyText {
    /// The text shown for a NULL part.
    public static let nullPart = "(空)"
    /// The separator between parts.
    public static let separator = " / "

    /// The combined key.
    public static func combined(_ parts: [String?]) -> String {
        parts.map(part).joined(separator: separator)
    }

    /// One part as it appears in the combined key.
    public static func part(_ value: String?) -> String {
        guard let value else { return nullPart }
        guard needsQuotes(value) else { return value }
        var out = "\""
        for (offset, scalar) in value.unicodeScalars.enumerated() {
            switch scalar {
            case "\"": out += "\"\""
            case "\\": out += "\\\\"
            default:
                if isInvisible(scalar) || (offset == 0 && isCombining(scalar)) {
                    out += "\\u{" + hex(scalar.value) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Whether `value` must be quoted (see the type's rules).
    static func needsQuotes(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return true }
        if value == nullPart || first.properties.isWhitespace || last.properties.isWhitespace || isCombining(first) { return true }
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\"" || isInvisible(scalar) { return true }
            if scalar == "/" {
                if index > 0, scalars[index - 1] == " " { return true }
                if index + 1 < scalars.count, scalars[index + 1] == " " { return true }
            }
        }
        return false
    }

    /// A character a reader cannot see: control (Cc), format (Cf), line or paragraph separator.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    /// A combining mark (it would join the character before it, e.g. the separator's space).
    static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The parts back from a combined key written by ``combined(_:)`` (nil when `text` is not one).
    /// Read by Unicode scalars, so no part is ever changed to another normal form.
    public static func parts(_ text: String) -> [String?]? {
        let scalars = Array(text.unicodeScalars)
        let sep = Array(separator.unicodeScalars)
        func separatorAt(_ index: Int) -> Bool {
            index + sep.count <= scalars.count && Array(scalars[index..<(index + sep.count)]) == sep
        }
        var parts: [String?] = []
        var index = 0
        while true {
            var value = String.UnicodeScalarView()
            if index < scalars.count, scalars[index] == "\"" {
                index += 1
                while true {
                    guard index < scalars.count else { return nil }
                    let scalar = scalars[index]
                    if scalar == "\"" {
                        if index + 1 < scalars.count, scalars[index + 1] == "\"" { value.append("\""); index += 2; continue }
                        index += 1
                        break
                    }
                    if scalar == "\\", index + 1 < scalars.count {
                        if scalars[index + 1] == "\\" { value.append("\\"); index += 2; continue }
                        if scalars[index + 1] == "u", index + 2 < scalars.count, scalars[index + 2] == "{",
                           let close = scalars[(index + 3)...].firstIndex(of: "}"), close > index + 3, close - index <= 11,
                           let number = UInt32(String(String.UnicodeScalarView(scalars[(index + 3)..<close])), radix: 16),
                           let decoded = Unicode.Scalar(number) {
                            value.append(decoded)
                            index = close + 1
                            continue
                        }
                    }
                    // A lone `\` (e.g. in text written before escapes existed) is itself.
                    value.append(scalar)
                    index += 1
                }
                parts.append(String(value))
            } else {
                var end = index
                while end < scalars.count, !separatorAt(end) { end += 1 }
                value.append(contentsOf: scalars[index..<end])
                let plain = String(value)
                parts.append(plain == nullPart ? nil : plain)
                index = end
            }
            if index == scalars.count { return parts }
            guard separatorAt(index) else { return nil }
            index += sep.count
        }
    }
}
