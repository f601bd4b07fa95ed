/// Text literals of PostgreSQL arrays, for passing lists as one parameter (`$1::text[]`).
public enum PostgresArray {
    /// `{"a","b\"c",NULL}` for `["a", "b\"c", nil]`.
    public static func text(_ values: [String?]) -> String {
        "{" + values.map { value -> String in
            guard let value else { return "NULL" }
            var quoted = "\""
            for character in value {
                if character == "\"" || character == "\\" { quoted.append("\\") }
                quoted.append(character)
            }
            return quoted + "\""
        }.joined(separator: ",") + "}"
    }

    /// `{"a","b"}` for `["a", "b"]`.
    public static func text(_ values: [String]) -> String { text(values.map { Optional($0) }) }
}
