/// A libpq connection string as libpq itself reads it (`PQconninfoParse`): every keyword/value
/// form (spaces, tabs or newlines between pairs, single quotes, backslash escapes) and every
/// `postgresql://` / `postgres://` URI form (user info, several hosts, percent-encoded keys and
/// values in the query), with the values decoded.
///
/// ``redacted`` is built from the parsed options, never from the text, so a secret is hidden
/// however it was written. ``Connection`` connects with exactly these options.
public struct Conninfo: Sendable, Equatable {
    /// One keyword and its decoded value.
    public struct Option: Sendable, Equatable {
        /// The libpq keyword (`host`, `password`, …).
        public let keyword: String
        /// The decoded value.
        public let value: String
        /// Whether the value must never be shown (see ``Conninfo/isSecretKeyword(_:dispchar:)``).
        public let isSecret: Bool

        /// An option; `isSecret` says whether its value is hidden in ``Conninfo/redacted``.
        public init(keyword: String, value: String, isSecret: Bool) {
            self.keyword = keyword
            self.value = value
            self.isSecret = isSecret
        }
    }

    /// The options given, in libpq's order of keywords.
    public let options: [Option]
    /// Values that must not appear in any output: the secret options' values, and the parts of
    /// other values that can only be mistyped secrets (see ``ConninfoSecrets``).
    public let secrets: [String]
    /// The options for display as `keyword=value …`, every secret replaced by ``mask``.
    public let redacted: String

    /// What stands in for a secret value.
    public static let mask = "***"
    /// What is displayed for a connection string libpq cannot parse: nothing of it.
    public static let unparseable = "<connection string hidden: libpq cannot parse it>"

    /// Parses `text` the way ``Connection`` connects with it.
    ///
    /// Leading and trailing white space is ignored. A string with neither `=` nor a URI prefix is
    /// a plain database name (as for libpq's `dbname` expansion); one containing `://` that does
    /// not begin with libpq's lower-case prefix is refused rather than taken for a database name.
    /// - Throws: ``ConninfoError``, whose description contains nothing of `text` but keywords.
    public init(parsing text: String) throws(ConninfoError) {
        let trimmed = ConninfoSyntax.trimmed(text)
        let parsed: [Option]
        switch ConninfoSyntax.form(of: trimmed) {
        case .uri, .keywordValue:
            parsed = try LibPQConninfo.parse(trimmed)
        case .databaseName:
            parsed = trimmed.isEmpty ? [] : [Option(keyword: "dbname", value: trimmed, isSecret: false)]
        case .foreignScheme(let scheme):
            throw ConninfoError.unsupportedScheme(scheme)
        }
        let hidden = ConninfoSecrets(options: parsed, isURI: ConninfoSyntax.form(of: trimmed) == .uri)
        options = parsed
        secrets = hidden.secrets
        redacted = hidden.display
    }

    /// `text` for display: its parsed options with every secret masked, or ``unparseable``.
    public static func redacted(_ text: String) -> String {
        (try? Conninfo(parsing: text))?.redacted ?? unparseable
    }

    /// `message` with every occurrence of each of `secrets` replaced by ``mask`` (longest first,
    /// so that a secret containing another is masked whole).
    public static func redact(_ message: String, secrets: [String]) -> String {
        var text = message
        for secret in Set(secrets).filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) {
            text = text.replacingAll(secret, with: mask)
        }
        return text
    }

    /// Whether a keyword's value is a secret: libpq marks it with dispchar `*` (`password`,
    /// `sslpassword`, and any such keyword of a newer libpq), or its name says so.
    public static func isSecretKeyword(_ keyword: String, dispchar: String) -> Bool {
        dispchar.contains("*") || keyword.contains("password") || keyword.contains("secret")
    }
}

extension String {
    /// Every occurrence of `target` (non-empty) replaced, compared by Unicode scalars so that a
    /// secret is found wherever its bytes are.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let needle = Array(target.unicodeScalars)
        let hay = Array(unicodeScalars)
        guard !needle.isEmpty, hay.count >= needle.count else { return self }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < hay.count {
            if i + needle.count <= hay.count, hay[i] == needle[0], Array(hay[i..<(i + needle.count)]) == needle {
                out.append(contentsOf: replacement.unicodeScalars)
                i += needle.count
            } else {
                out.append(hay[i])
                i += 1
            }
        }
        return String(out)
    }
}
