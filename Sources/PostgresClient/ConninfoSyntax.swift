/// How libpq tells the forms of a connection string apart (`recognized_connection_string` and
/// `uri_prefix_length` in libpq's fe-connect.c), plus one refusal of recon's own.
enum ConninfoSyntax {
    /// The form of a (trimmed) connection string.
    enum Form: Equatable {
        /// Begins with `postgresql://` or `postgres://` (lower case, as libpq requires).
        case uri
        /// Contains `=`: keyword/value pairs.
        case keywordValue
        /// Neither: libpq takes the whole string for a database name.
        case databaseName
        /// Looks like a URI of another scheme or case (`POSTGRESQL://…`): libpq would take it for
        /// a database name and echo it, secrets and all, in its error. Carries the scheme only.
        case foreignScheme(String)
    }

    /// The URI prefixes libpq accepts.
    static let uriPrefixes = ["postgresql://", "postgres://"]

    static func form(of text: String) -> Form {
        if uriPrefixes.contains(where: { text.hasPrefix($0) }) { return .uri }
        let separator = schemeSeparator(in: text)
        if let separator {
            let scheme = text[..<separator]
            if !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) {
                return .foreignScheme(String(scheme))
            }
        }
        if text.contains("=") { return .keywordValue }
        if separator != nil { return .foreignScheme("") }
        return .databaseName
    }

    /// Where the first `://` of `text` begins.
    static func schemeSeparator(in text: String) -> String.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("://") { return index }
            index = text.index(after: index)
        }
        return nil
    }

    /// `text` without leading and trailing spaces, tabs and line breaks.
    static func trimmed(_ text: String) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        var slice = Substring(text)
        while let first = slice.first, blank(first) { slice.removeFirst() }
        while let last = slice.last, blank(last) { slice.removeLast() }
        return String(slice)
    }
}
