/// Why a connection string was refused before connecting. The description names keywords and
/// schemes only, never a value of the string.
public enum ConninfoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libpq's parser refused it; the message is libpq's with every quoted excerpt that is not a
    /// libpq keyword replaced by `***`.
    case unparseable(String)
    /// It looks like a URI but does not begin with `postgresql://` or `postgres://` in lower case.
    case unsupportedScheme(String)

    public var description: String {
        switch self {
        case .unparseable(let message):
            return "libpq cannot parse the connection string: \(message)"
        case .unsupportedScheme(let scheme):
            let shown = scheme.isEmpty ? "something before ://" : "\(scheme)://"
            return "the connection string begins with \(shown), which libpq does not read as a URI: begin it with postgresql:// or postgres:// (lower case), or write keyword=value pairs"
        }
    }
}
