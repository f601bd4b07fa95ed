import Foundation
/// A key of one or more parts written as one unambiguous line (issue 15: keys (`K / 1`, `2`) and
/// (`K`, `1 / 2`) must not both print `K / 1 / 2`). docs/rules.md, "Lists: key columns".
///
/// Parts are joined by ` / `. NULL is `(空)`. A part is written in double quotes, with each `"`
/// inside doubled, when it would otherwise be ambiguous: it contains ` / ` or `"`, is empty,
/// starts or ends with a space, or is literally `(空)`. Every other part — every real plate, ID or
/// licence number — is written as it is, so the usual key reads `豫A12345 / 2`.
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
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether `value` must be quoted.
    static func needsQuotes(_ value: String) -> Bool {
        value.isEmpty || value == nullPart || value.contains("\"") || value.contains(separator)
            || value.first == " " || value.last == " "
    }

    /// The parts back from a combined key written by ``combined(_:)`` (nil when `text` is not one).
    public static func parts(_ text: String) -> [String?]? {
        var parts: [String?] = []
        var rest = Substring(text)
        while true {
            if rest.hasPrefix("\"") {
                var value = "", index = rest.index(after: rest.startIndex)
                while true {
                    guard index < rest.endIndex else { return nil }
                    if rest[index] == "\"" {
                        let next = rest.index(after: index)
                        if next < rest.endIndex, rest[next] == "\"" { value.append("\""); index = rest.index(after: next); continue }
                        index = next
                        break
                    }
                    value.append(rest[index])
                    index = rest.index(after: index)
                }
                parts.append(value)
                rest = rest[index...]
            } else {
                let end = rest.range(of: separator)?.lowerBound ?? rest.endIndex
                let value = String(rest[..<end])
                parts.append(value == nullPart ? nil : value)
                rest = rest[end...]
            }
            if rest.isEmpty { return parts }
            guard rest.hasPrefix(separator) else { return nil }
            rest = rest.dropFirst(separator.count)
        }
    }
}
