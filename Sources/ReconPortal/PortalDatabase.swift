import Dispatch
import Foundation
import PostgresClient

/// Runs the project's synchronous PostgreSQL work off the NIO event loops, on a bounded pool of
/// connections.
///
/// At most `maxConnections` connections are open; a request that finds them all busy waits (in
/// order) instead of opening another. A connection is opened when first needed, kept for the next
/// request, and dropped when a statement failed and it no longer answers (a server restart). The
/// libpq calls run on Dispatch worker threads, never on the event loops; only holders of a
/// connection occupy a thread.
public struct PortalDatabase: Sendable {
    /// The results database's connection string.
    public let dsn: String
    /// The most connections open at once.
    public let maxConnections: Int
    let pool: ConnectionPool
    let queue = DispatchQueue(label: "recon.portal.db", attributes: .concurrent)

    /// A pool over `dsn`.
    public init(dsn: String, maxConnections: Int = 8) {
        self.dsn = dsn
        self.maxConnections = max(1, maxConnections)
        pool = ConnectionPool(dsn: dsn, limit: max(1, maxConnections))
    }

    /// Runs `body` with a pooled connection on a worker thread.
    public func run<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        let lease = await pool.acquire()
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                let connection: Connection
                do {
                    connection = try lease.connection ?? Connection(conninfo: self.dsn, applicationName: "recon serve")
                } catch {
                    self.pool.release(nil)
                    continuation.resume(throwing: error)
                    return
                }
                do {
                    let value = try body(connection)
                    self.pool.release(connection)
                    continuation.resume(returning: value)
                } catch {
                    self.pool.release(connection.isAlive() ? connection : nil)
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Open connections and connections in use, for tests and logs.
    public var poolState: (open: Int, inUse: Int) { pool.state }

    /// Runs blocking non-database work (file reads) on a worker thread.
    func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}

/// The pool's bookkeeping under a lock: idle connections, how many exist, who waits.
final class ConnectionPool: @unchecked Sendable {
    /// A right to one connection slot: an idle connection, or nil to open a new one.
    struct Lease: @unchecked Sendable { let connection: Connection? }

    let dsn: String
    let limit: Int
    private let lock = NSLock()
    private var idle: [Connection] = []
    private var open = 0
    private var inUse = 0
    private var waiters: [CheckedContinuation<Lease, Never>] = []

    init(dsn: String, limit: Int) {
        self.dsn = dsn
        self.limit = limit
    }

    var state: (open: Int, inUse: Int) { lock.withLock { (open, inUse) } }

    func acquire() async -> Lease {
        await withCheckedContinuation { (continuation: CheckedContinuation<Lease, Never>) in
            lock.lock()
            if let connection = idle.popLast() {
                inUse += 1
                lock.unlock()
                continuation.resume(returning: Lease(connection: connection))
            } else if open < limit {
                open += 1
                inUse += 1
                lock.unlock()
                continuation.resume(returning: Lease(connection: nil))
            } else {
                waiters.append(continuation)
                lock.unlock()
            }
        }
    }

    /// Gives the slot back: `connection` to keep, or nil when it was never opened or is broken.
    func release(_ connection: Connection?) {
        lock.lock()
        if !waiters.isEmpty {
            // The slot passes on as it is; with no connection the waiter opens a new one.
            let waiter = waiters.removeFirst()
            lock.unlock()
            waiter.resume(returning: Lease(connection: connection))
            return
        }
        inUse -= 1
        if let connection { idle.append(connection) } else { open -= 1 }
        lock.unlock()
    }
}
