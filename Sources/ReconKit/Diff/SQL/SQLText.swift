/// Pure SQL text helpers for the statements the diff builds (no connection needed, so that the
/// statements can be tested and printed).
import ReconRules

public enum SQLText {
    /// `name` as a quoted identifier: `"name"`, inner `"` doubled (what `PQescapeIdentifier` does).
    public static func identifier(_ name: String) -> String {
        "\"" + name.replacingAll("\"", with: "\"\"") + "\""
    }

    /// A table name, `table` or `schema.table`, quoted part by part: `"schema"."table"`.
    ///
    /// The name is split on its only dot; names with more dots, or empty parts, are refused.
    public static func qualifiedTable(_ name: String) throws -> String {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
            throw DiffError.badTableName(name)
        }
        return parts.map { identifier(String($0)) }.joined(separator: ".")
    }

    /// A string literal that reads the same whatever `standard_conforming_strings` is: `E'…'` with
    /// backslash, quote and control characters escaped.
    public static func literal(_ value: String) -> String {
        var text = "E'"
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": text += "\\\\"
            case "'": text += "\\'"
            case "\t": text += "\\t"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "'"
    }
}
