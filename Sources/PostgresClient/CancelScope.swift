import Foundation

/// The connections whose statements a caller may cancel together: those opened on the thread that
/// runs ``run(_:)``, while it runs. `recon due` cancels a province's statements at its time budget
/// through its own scope, so that no connection opened elsewhere in the process (another worker,
/// another runner, another test in the same test process) is ever touched by a name that happens to
/// match (README, `[jobs] province_budget`).
public final class CancelScope: @unchecked Sendable {
    private static let key = "recon.PostgresClient.CancelScope"
    private static let lock = NSLock()
    nonisolated(unsafe) private static var issued: UInt64 = 0

    /// This scope's number, never reused in the process (an address could be, once freed).
    let id: UInt64

    /// A new, empty scope.
    public init() {
        Self.lock.lock(); defer { Self.lock.unlock() }
        Self.issued += 1
        id = Self.issued
    }

    /// The scope connections opened on this thread now join (nil: none).
    static var current: CancelScope? { Thread.current.threadDictionary[key] as? CancelScope }

    /// Runs `body`; every connection opened on this thread meanwhile joins this scope.
    public func run<T>(_ body: () throws -> T) rethrows -> T {
        let dictionary = Thread.current.threadDictionary
        let previous = dictionary[Self.key]
        dictionary[Self.key] = self
        defer { dictionary[Self.key] = previous }
        return try body()
    }

    /// Cancels the running statement of every open connection of this scope whose application name
    /// starts with `prefix` (e.g. `recon reconcile 410000`). Safe from any thread. Returns how many
    /// requests were delivered.
    @discardableResult
    public func cancelRunningStatements(applicationNamePrefix prefix: String) -> Int {
        CancelRegistry.shared.cancel(scope: id) { $0.hasPrefix(prefix) }
    }
}
