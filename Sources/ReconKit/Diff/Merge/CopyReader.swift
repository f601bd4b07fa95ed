import Foundation
import PostgresClient
import ReconRules

/// Streams one side's `COPY … TO STDOUT` on its own connection and thread into the batches of a
/// ``BatchChannel``, so that both sides are read at the same time and neither is ever held whole.
///
/// The reader stops at the next batch boundary when the merger stops the channel, and then
/// cancels the COPY (`CopyOutStream.cancel()`), leaving the connection usable.
final class CopyReader: @unchecked Sendable {
    let side: DiffSide
    let connection: Connection
    private(set) var statement: String
    let channel: BatchChannel
    /// The server process serving the COPY, to cancel a read that is stuck waiting for the server.
    let backendPID: Int
    /// Called on the reader's thread when the read fails (to abort the other side's wait).
    var onFailure: (@Sendable (any Error) -> Void)?
    /// Run on the reader's thread before the COPY, inside the read's snapshot (issue 18: the rows
    /// whose key moves are fetched here); a statement it returns replaces ``statement``.
    var prelude: ((Connection) throws -> String?)?
    /// The connection is already inside the read's snapshot (a checksum read opened it): the
    /// reader neither begins nor ends a transaction.
    var inSnapshot = false
    /// COPY bytes received (read once the reader is done).
    private(set) var bytesRead = 0
    /// Rows received.
    private(set) var rowsRead = 0

    /// A reader of `statement` on `connection` feeding `channel` (not started).
    init(side: DiffSide, connection: Connection, statement: String, channel: BatchChannel) throws {
        self.side = side
        self.connection = connection
        self.statement = statement
        self.channel = channel
        backendPID = try connection.execute("SELECT pg_backend_pid() AS pid").singleRow().int("pid")
    }

    /// Starts the reading thread.
    func start() {
        let thread = Thread { [self] in self.run() }
        thread.name = "recon-read-\(side.rawValue)"
        thread.start()
    }

    private func run() {
        // With a prelude, both of its reads see one snapshot (REPEATABLE READ, read only); the
        // transaction ends before the channel says the reader is done (the connection is reused).
        let snapshot = prelude != nil && !inSnapshot
        do {
            if let prelude {
                if snapshot { try connection.executeSimple("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") }
                if let replacement = try prelude(connection) { statement = replacement }
            }
            try read()
            if snapshot { try connection.executeSimple("COMMIT") }
            channel.finish(nil)
        } catch {
            if snapshot { try? connection.executeSimple("ROLLBACK") }
            let failure = DiffError.readFailed(side: side, message: String(describing: error))
            onFailure?(failure)
            channel.finish(failure)
        }
    }

    /// Streams the COPY into the channel until its end or until the merger stops the channel.
    private func read() throws {
        let stream = try connection.copyOut(statement)
        guard var batch = channel.takeSpare() else {
            try? stream.cancel()
            return
        }
        var stopped = false
        var bytes = 0, rows = 0
        defer { bytesRead += bytes; rowsRead += rows }
        while try stream.next({ row -> Bool in
            bytes += row.count
            rows += 1
            if batch.append(row) { return true }
            guard channel.send(batch), let next = channel.takeSpare() else {
                stopped = true
                return false
            }
            batch = next
            _ = batch.append(row)
            return true
        }) == true {}
        if stopped {
            try? stream.cancel()
        } else if batch.count > 0 {
            _ = channel.send(batch)
        }
    }
}
