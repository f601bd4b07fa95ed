import CLibPQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One libpq connection. Closes itself when released.
///
/// A connection is used by one thread at a time; it may be handed to another thread
/// (e.g. a reader thread of a COPY stream), hence `@unchecked Sendable`.
public final class Connection: @unchecked Sendable {
    let handle: OpaquePointer
    /// The connection string with its password redacted, for messages.
    public let redactedConninfo: String
    /// The secret values this connection was opened with, masked in every libpq message.
    let secrets: [String]
    var copyInProgress = false
    /// The application name it was opened with (for cancelling by name).
    let registeredApplicationName: String

    /// The settings pinned on every connection, because they change how COPY text looks.
    public static let sessionSettings: [(String, String)] = [
        ("TimeZone", "Asia/Shanghai"),
        ("DateStyle", "ISO, YMD"),
        ("IntervalStyle", "postgres"),
        ("extra_float_digits", "1"),
        ("client_encoding", "UTF8"),
        ("client_min_messages", "warning"),
    ]

    /// Opens a connection from a libpq conninfo string or `postgresql://` URI.
    ///
    /// The string is parsed by libpq first (``Conninfo``) and the connection is opened with the
    /// parsed options, so what ``redactedConninfo`` shows is what was used. libpq's own `PG*`
    /// environment variables, service file and `.pgpass` apply as usual. No error contains a
    /// secret: an unparseable string is not echoed, and every secret value the attempt used
    /// (including one from `PGPASSWORD`) is masked in libpq's message.
    /// - Parameter applicationName: shown in `pg_stat_activity` (used to say who holds a lock).
    public init(conninfo: String, applicationName: String = "recon") throws {
        let parsed: Conninfo
        do {
            parsed = try Conninfo(parsing: conninfo)
        } catch {
            throw PostgresError(kind: .connection, message: error.description, context: "connecting to \(Conninfo.unparseable)")
        }
        let redacted = parsed.redacted
        // Later keywords win in PQconnectdbParams: the DSN's own keepalive settings win over the
        // limits' (ConnectionLimits), recon's application name and connect timeout win over the DSN's.
        let limits = ConnectionLimits.processDefault
        let keywords = limits.keywords.map(\.0) + parsed.options.map(\.keyword) + ["application_name", "connect_timeout"]
        let values = limits.keywords.map(\.1) + parsed.options.map(\.value) + [applicationName, "15"]
        let conn: OpaquePointer? = withCStringArray(keywords) { keys in
            withCStringArray(values) { vals in
                PQconnectdbParams(keys, vals, 0)
            }
        }
        guard let conn else {
            throw PostgresError(kind: .connection, message: "out of memory opening a connection", context: redacted)
        }
        let secrets = parsed.secrets + LibPQConninfo.secretValues(of: conn)
        if PQstatus(conn) != CONNECTION_OK {
            let raw = String(cString: PQerrorMessage(conn)).trimmingTrailingNewlines()
            PQfinish(conn)
            throw PostgresError(kind: .connection, message: Conninfo.redact(raw, secrets: secrets),
                                context: "connecting to \(redacted)")
        }
        self.secrets = secrets
        self.handle = conn
        self.redactedConninfo = redacted
        self.registeredApplicationName = applicationName
        CancelRegistry.shared.register(ObjectIdentifier(self), name: applicationName, scope: CancelScope.current?.id, connection: conn)
        let pins = (Self.sessionSettings + limits.sessionSettings).map { "SET \($0.0) TO '\($0.1)'" }.joined(separator: "; ")
        try executeSimple(pins)
    }

    deinit {
        CancelRegistry.shared.remove(ObjectIdentifier(self))
        PQfinish(handle)
    }

    /// The server's version number, e.g. 150018.
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// Runs a statement with text parameters (`$1`, `$2`, …); `nil` is SQL NULL.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [String?] = []) throws -> QueryResult {
        try checkIdle(sql)
        let result: OpaquePointer? = withOptionalCStringArray(parameters) { params in
            PQexecParams(handle, sql, Int32(parameters.count), nil, params, nil, nil, 0)
        }
        return try consume(result, sql: sql)
    }

    /// Runs one or more statements without parameters (simple protocol).
    public func executeSimple(_ sql: String) throws {
        try checkIdle(sql)
        _ = try consume(PQexec(handle, sql), sql: sql)
        // PQexec returns the last result only; earlier errors abort the rest, so this suffices.
    }

    /// Quotes an identifier (table or column name) with libpq's `PQescapeIdentifier`.
    public func quoteIdentifier(_ name: String) throws -> String {
        let utf8 = Array(name.utf8)
        guard let escaped = utf8.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQescapeIdentifier(handle, $0.baseAddress, buffer.count) }
        }) else {
            throw PostgresError(kind: .usage, message: lastErrorMessage(), context: "quoting identifier")
        }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    /// Quotes a string literal with libpq's `PQescapeLiteral`.
    public func quoteLiteral(_ value: String) throws -> String {
        let utf8 = Array(value.utf8)
        guard let escaped = utf8.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQescapeLiteral(handle, $0.baseAddress, buffer.count) }
        }) else {
            throw PostgresError(kind: .usage, message: lastErrorMessage(), context: "quoting literal")
        }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    func checkIdle(_ sql: String) throws {
        if copyInProgress {
            throw PostgresError(kind: .usage, message: "a COPY is in progress on this connection",
                                context: Self.statementSummary(sql))
        }
    }

    func lastErrorMessage() -> String {
        Conninfo.redact(String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines(), secrets: secrets)
    }

    /// Checks a result, turns a failure into a `PostgresError`, copies the rows, frees it.
    func consume(_ result: OpaquePointer?, sql: String) throws -> QueryResult {
        guard let result else {
            throw PostgresError(kind: .server, message: lastErrorMessage(), context: Self.statementSummary(sql))
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return QueryResult(copying: result)
        default:
            throw Self.error(from: result, kind: .server, context: Self.statementSummary(sql),
                             fallback: lastErrorMessage())
        }
    }

    static func error(from result: OpaquePointer, kind: PostgresError.Kind, context: String?,
                      fallback: String) -> PostgresError {
        func field(_ code: UInt8) -> String? {
            guard let value = PQresultErrorField(result, Int32(code)) else { return nil }
            return String(cString: value)
        }
        let message = field(UInt8(ascii: "M")) ?? fallback
        return PostgresError(kind: kind, sqlState: field(UInt8(ascii: "C")), message: message,
                             detail: field(UInt8(ascii: "D")), hint: field(UInt8(ascii: "H")),
                             context: context)
    }

    /// The first line of a statement, shortened, for error context.
    static func statementSummary(_ sql: String) -> String {
        let firstLine = sql.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        let trimmed = firstLine.trimmingCharacters(in: " \t")
        return trimmed.count > 120 ? String(trimmed.prefix(120)) + "…" : trimmed
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while let last = s.last, last == "\n" || last == " " { s.removeLast() }
        return s
    }

    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s.removeFirst() }
        while let l = s.last, chars.contains(l) { s.removeLast() }
        return String(s)
    }
}

/// Calls `body` with a NULL-terminated array of C strings that live for the call.
func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let duplicates = strings.map { strdup($0) }
    defer { duplicates.forEach { free($0) } }
    var pointers: [UnsafePointer<CChar>?] = duplicates.map { UnsafePointer($0) }
    pointers.append(nil)
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

/// Calls `body` with an array of C strings in which `nil` stays a NULL pointer.
func withOptionalCStringArray<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    if strings.isEmpty { return body(nil) }
    let duplicates = strings.map { $0.map { strdup($0) } ?? nil }
    defer { duplicates.forEach { free($0) } }
    let pointers: [UnsafePointer<CChar>?] = duplicates.map { $0.map { UnsafePointer($0) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
}
