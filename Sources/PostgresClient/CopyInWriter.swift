import CLibPQ

/// Feeds rows to a `COPY … FROM STDIN` (text format) in large chunks.
///
/// Write whole rows (fields separated by tabs, ending in `\n`), either as raw bytes or with
/// ``writeRow(_:)``, which escapes values per the COPY text format.
public final class CopyInWriter {
    private let connection: Connection
    private var buffer: [UInt8] = []
    private let flushThreshold = 256 * 1024
    /// Rows written through ``writeRow(_:)``.
    public private(set) var rowsWritten = 0

    init(connection: Connection) {
        self.connection = connection
        buffer.reserveCapacity(flushThreshold + 4096)
    }

    /// Appends raw COPY text (already escaped, whole rows).
    public func writeRaw(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Appends raw COPY text (already escaped, whole rows).
    public func writeRaw(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Appends one row; `nil` is NULL, other values are escaped.
    public func writeRow(_ fields: [String?]) throws {
        for (i, field) in fields.enumerated() {
            if i > 0 { buffer.append(0x09) }
            CopyText.appendEscaped(field, to: &buffer)
        }
        buffer.append(0x0A)
        rowsWritten += 1
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Appends one row of byte fields; `nil` is NULL, other values are escaped.
    public func writeRow(bytes fields: [[UInt8]?]) throws {
        for (i, field) in fields.enumerated() {
            if i > 0 { buffer.append(0x09) }
            CopyText.appendEscaped(bytes: field, to: &buffer)
        }
        buffer.append(0x0A)
        rowsWritten += 1
        if buffer.count >= flushThreshold { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        let status = buffer.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { PQputCopyData(connection.handle, $0.baseAddress, Int32($0.count)) }
        }
        buffer.removeAll(keepingCapacity: true)
        if status != 1 {
            throw PostgresError(kind: .copy, message: connection.lastErrorMessage(), context: "COPY FROM STDIN")
        }
    }
}

extension Connection {
    /// Runs a `COPY … FROM STDIN` statement, feeding it what `body` writes.
    ///
    /// If `body` throws, the COPY is ended with an error so that the server writes nothing,
    /// and the error is rethrown. Returns the number of rows the server stored.
    @discardableResult
    public func copyIn(_ sql: String, _ body: (CopyInWriter) throws -> Void) throws -> Int {
        try checkIdle(sql)
        let summary = Connection.statementSummary(sql)
        guard let start = PQexec(handle, sql) else {
            throw PostgresError(kind: .copy, message: lastErrorMessage(), context: summary)
        }
        let startStatus = PQresultStatus(start)
        if startStatus != PGRES_COPY_IN {
            defer { PQclear(start) }
            throw Connection.error(from: start, kind: .server, context: summary,
                                   fallback: "statement did not start a COPY FROM STDIN")
        }
        PQclear(start)
        copyInProgress = true
        defer { copyInProgress = false }
        let writer = CopyInWriter(connection: self)
        var bodyError: Error? = nil
        do {
            try body(writer)
            try writer.flush()
        } catch {
            bodyError = error
        }
        let endStatus: Int32 = bodyError == nil ? PQputCopyEnd(handle, nil) : PQputCopyEnd(handle, "aborted by client")
        var serverError: PostgresError? = nil
        var stored = 0
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) == PGRES_COMMAND_OK {
                stored = Int(String(cString: PQcmdTuples(result))) ?? 0
            } else if serverError == nil {
                serverError = Connection.error(from: result, kind: .server, context: summary,
                                               fallback: lastErrorMessage())
            }
            PQclear(result)
        }
        if let bodyError { throw bodyError }
        if endStatus != 1 {
            throw PostgresError(kind: .copy, message: lastErrorMessage(), context: summary)
        }
        if let serverError { throw serverError }
        return stored
    }
}
