import CLibPQ

/// Rows of a `COPY … TO STDOUT` as they arrive, one row's bytes at a time.
///
/// Each row is lent to a closure as raw bytes (COPY text format, including the final `\n`),
/// and libpq's buffer is freed right after: nothing is kept, no `String` is built.
/// ``cancel()`` stops the server early and leaves the connection usable.
public final class CopyOutStream: @unchecked Sendable {
    private let connection: Connection
    private let statement: String
    private var finished = false

    /// Starts `sql`, which must be a `COPY … TO STDOUT` statement.
    public init(connection: Connection, sql: String) throws {
        try connection.checkIdle(sql)
        self.connection = connection
        self.statement = Connection.statementSummary(sql)
        guard let result = PQexec(connection.handle, sql) else {
            throw PostgresError(kind: .copy, message: connection.lastErrorMessage(), context: statement)
        }
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COPY_OUT else {
            throw Connection.error(from: result, kind: .server, context: statement,
                                   fallback: "statement did not start a COPY TO STDOUT")
        }
        connection.copyInProgress = true
    }

    deinit {
        if !finished { try? cancel() }
    }

    /// Lends the next row to `body`; returns `nil` at the end of the data.
    ///
    /// The buffer is valid only inside `body`.
    public func next<T>(_ body: (UnsafeRawBufferPointer) throws -> T) throws -> T? {
        guard !finished else { return nil }
        var buffer: UnsafeMutablePointer<CChar>? = nil
        let length = PQgetCopyData(connection.handle, &buffer, 0)
        if length > 0, let buffer {
            defer { PQfreemem(buffer) }
            return try body(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
        }
        if let buffer { PQfreemem(buffer) }
        if length == -1 {
            try finish()
            return nil
        }
        // -2: an error.
        let message = connection.lastErrorMessage()
        try? finish()
        finished = true
        connection.copyInProgress = false
        throw PostgresError(kind: .copy, message: message, context: statement)
    }

    /// Reads the final result of the COPY and reports a server error, if any.
    private func finish() throws {
        finished = true
        defer { connection.copyInProgress = false }
        var firstError: PostgresError? = nil
        while let result = PQgetResult(connection.handle) {
            if PQresultStatus(result) != PGRES_COMMAND_OK && firstError == nil {
                firstError = Connection.error(from: result, kind: .server, context: statement,
                                              fallback: connection.lastErrorMessage())
            }
            PQclear(result)
        }
        if let firstError { throw firstError }
    }

    /// Stops the COPY early: asks the server to cancel, discards what is still in flight,
    /// and leaves the connection ready for the next statement.
    ///
    /// Outside a transaction the connection is usable at once; inside one, the transaction is
    /// aborted by the cancel and must be rolled back.
    public func cancel() throws {
        guard !finished else { return }
        if let cancel = PQgetCancel(connection.handle) {
            var errbuf = [CChar](repeating: 0, count: 256)
            _ = PQcancel(cancel, &errbuf, Int32(errbuf.count))
            PQfreeCancel(cancel)
        }
        connection.drainCopyOut()
        finished = true
        // The final result is the expected "canceling statement due to user request" (57014).
        while let result = PQgetResult(connection.handle) { PQclear(result) }
        connection.copyInProgress = false
    }
}

extension Connection {
    /// Starts a `COPY … TO STDOUT` and returns its row stream.
    public func copyOut(_ sql: String) throws -> CopyOutStream {
        try CopyOutStream(connection: self, sql: sql)
    }

    /// Reads and frees every row still in flight of a COPY OUT.
    func drainCopyOut() {
        while true {
            var buffer: UnsafeMutablePointer<CChar>? = nil
            let length = PQgetCopyData(handle, &buffer, 0)
            if let buffer { PQfreemem(buffer) }
            if length < 0 { break }
        }
    }

    /// Leaves whatever COPY is in progress (used when a transaction unwinds).
    func abandonCopy() {
        let result = PQgetResult(handle)
        if let result {
            let status = PQresultStatus(result)
            PQclear(result)
            if status == PGRES_COPY_IN {
                _ = PQputCopyEnd(handle, "abandoned by client")
            } else if status == PGRES_COPY_OUT {
                drainCopyOut()
            }
        }
        while let more = PQgetResult(handle) { PQclear(more) }
        copyInProgress = false
    }
}
