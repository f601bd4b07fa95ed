import Dispatch
import Foundation
import PostgresClient

/// Runs the project's synchronous PostgreSQL work off the NIO event loops.
///
/// Each call opens its own connection on a Dispatch worker thread, runs the body and closes the
/// connection: simple and correct (no connection is ever shared between requests); the portal's
/// traffic — a few dozen provinces — does not need a pool.
public struct PortalDatabase: Sendable {
    /// The results database's connection string.
    public let dsn: String
    let queue = DispatchQueue(label: "recon.portal.db", attributes: .concurrent)

    /// A runner over `dsn`.
    public init(dsn: String) { self.dsn = dsn }

    /// Runs `body` with a fresh connection on a worker thread.
    public func run<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        let dsn = self.dsn
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    let connection = try Connection(conninfo: dsn, applicationName: "recon serve")
                    continuation.resume(returning: try body(connection))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Runs blocking non-database work (file reads) on a worker thread.
    func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
