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
    let statement: String
    let channel: BatchChannel
    /// The server process serving the COPY, to cancel a read that is stuck waiting for the server.
    let backendPID: Int
    /// Called on the reader's thread when the read fails (to abort the other side's wait).
    var onFailure: (@Sendable (any Error) -> Void)?

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
        do {
            let stream = try connection.copyOut(statement)
            guard var batch = channel.takeSpare() else {
                try? stream.cancel()
                channel.finish(nil)
                return
            }
            var stopped = false
            while try stream.next({ row -> Bool in
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
            channel.finish(nil)
        } catch {
            let failure = DiffError.readFailed(side: side, message: String(describing: error))
            onFailure?(failure)
            channel.finish(failure)
        }
    }
}
