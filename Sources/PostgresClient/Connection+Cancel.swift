import CLibPQ
import Foundation

/// Cancelling a connection's running statement from another thread (libpq `PQcancel`, which is
/// thread-safe), by connection, or by application name within a ``CancelScope``: how `recon due` stops
/// a province that is over its time budget while the others go on.
extension Connection {
    /// Asks the server to cancel whatever this connection is running (nothing happens when idle).
    /// Safe to call from any thread. Returns whether the request was delivered.
    @discardableResult
    public func cancelRunningStatement() -> Bool {
        CancelRegistry.shared.cancel(id: ObjectIdentifier(self))
    }

    /// This connection's application name.
    public var applicationName: String { registeredApplicationName }
}

/// The cancel handles of the open connections (registered when one opens, removed when it closes;
/// a handle is used only under the lock, so never after its connection freed it).
final class CancelRegistry: @unchecked Sendable {
    static let shared = CancelRegistry()
    private let lock = NSLock()
    private var entries: [ObjectIdentifier: (name: String, scope: UInt64?, handle: OpaquePointer)] = [:]

    func register(_ id: ObjectIdentifier, name: String, scope: UInt64?, connection: OpaquePointer) {
        guard let handle = PQgetCancel(connection) else { return }
        lock.lock(); defer { lock.unlock() }
        entries[id] = (name, scope, handle)
    }

    func remove(_ id: ObjectIdentifier) {
        lock.lock(); defer { lock.unlock() }
        if let entry = entries.removeValue(forKey: id) { PQfreeCancel(entry.handle) }
    }

    func cancel(id: ObjectIdentifier) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard let entry = entries[id] else { return false }
        return Self.send(entry.handle)
    }

    /// Only the connections of `scope`: a name alone never reaches a connection opened elsewhere.
    func cancel(scope: UInt64, where matches: (String) -> Bool) -> Int {
        lock.lock(); defer { lock.unlock() }
        return entries.values.filter { $0.scope == scope && matches($0.name) }.reduce(0) { $0 + (Self.send($1.handle) ? 1 : 0) }
    }

    private static func send(_ handle: OpaquePointer) -> Bool {
        var buffer = [CChar](repeating: 0, count: 256)
        return PQcancel(handle, &buffer, Int32(buffer.count)) == 1
    }
}

extension Connection {
    /// The libpq options this connection was opened with, secrets left out (e.g. `keepalives_idle`).
    public var usedOptions: [String: String] { LibPQConninfo.usedOptions(of: handle) }
}
