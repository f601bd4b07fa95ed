/// The display form of parsed options and the values it hides.
///
/// Hidden, besides the values of secret keywords:
/// - in a URI, what precedes the last `@` of a host (`postgresql://u:p@ss@h` is read by libpq as
///   password `p` and host `ss@h`: the rest of the password would show in its errors);
/// - a `dbname` that is itself a connection string (libpq takes it for a plain database name and
///   echoes it): its secrets, or all of it when it does not parse.
struct ConninfoSecrets {
    private(set) var secrets: [String] = []
    private(set) var display = ""

    init(options: [Conninfo.Option], isURI: Bool) {
        var parts: [String] = []
        for option in options {
            parts.append("\(option.keyword)=\(shown(option, isURI: isURI))")
        }
        display = parts.joined(separator: " ")
    }

    private mutating func shown(_ option: Conninfo.Option, isURI: Bool) -> String {
        if option.isSecret {
            secrets.append(option.value)
            return Conninfo.mask
        }
        if isURI, option.keyword == "host", option.value.contains("@") {
            let hosts = option.value.split(separator: ",", omittingEmptySubsequences: false).map { host -> String in
                guard let at = host.lastIndex(of: "@") else { return String(host) }
                secrets.append(String(host[..<at]))
                return Conninfo.mask + String(host[at...])
            }
            return Self.quoted(hosts.joined(separator: ","))
        }
        if option.keyword == "dbname", ConninfoSyntax.form(of: ConninfoSyntax.trimmed(option.value)) != .databaseName {
            guard let nested = try? Conninfo(parsing: option.value) else {
                secrets.append(option.value)
                return Conninfo.mask
            }
            secrets += nested.secrets
            return Self.quoted(nested.redacted)
        }
        return Self.quoted(option.value)
    }

    /// A value as libpq's keyword/value syntax needs it: bare, or in single quotes with `\` before
    /// each `'` and `\` when it is empty or holds white space, a quote or a backslash.
    static func quoted(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains { $0.isWhitespace || $0 == "'" || $0 == "\\" }
        guard needsQuotes else { return value }
        var text = "'"
        for character in value {
            if character == "'" || character == "\\" { text.append("\\") }
            text.append(character)
        }
        return text + "'"
    }
}
