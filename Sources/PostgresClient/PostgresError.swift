/// An error from PostgreSQL or from libpq, with the server's SQLSTATE where there is one.
///
/// The description never contains a password: connection strings are shown as libpq parsed them
/// with their secrets masked (``Conninfo``), and libpq's messages have every secret value the
/// connection used masked (``Conninfo/redact(_:secrets:)``).
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in broad terms.
    public enum Kind: Sendable, Equatable {
        /// Opening the connection failed.
        case connection
        /// The server rejected a statement.
        case server
        /// The connection was used wrongly (e.g. a query while a COPY is in progress).
        case usage
        /// A COPY stream failed or was cut short.
        case copy
    }

    /// The kind of failure.
    public let kind: Kind
    /// The five-character SQLSTATE (e.g. `42P01`), when the server sent one.
    public let sqlState: String?
    /// The primary message (the server's, or libpq's).
    public let message: String
    /// The server's DETAIL field, if any.
    public let detail: String?
    /// The server's HINT field, if any.
    public let hint: String?
    /// What was being done: a statement's first line, or the redacted conninfo.
    public let context: String?

    /// Creates an error; `context` must already be free of secrets.
    public init(kind: Kind, sqlState: String? = nil, message: String, detail: String? = nil,
                hint: String? = nil, context: String? = nil) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.context = context
    }

    public var description: String {
        var text = message
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        if let detail, !detail.isEmpty { text += "; detail: \(detail)" }
        if let hint, !hint.isEmpty { text += "; hint: \(hint)" }
        if let context, !context.isEmpty { text += "; while: \(context)" }
        return text
    }
}
