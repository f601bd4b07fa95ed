import Foundation

/// What a ``TOMLReader`` has been asked for: the keys read (found or not) and the readers handed
/// out for sub-tables, so that ``TOMLReader/finish()`` can report every key nobody read.
/// Shared by copies of a reader; guarded by a lock so readers stay `Sendable`.
final class TOMLReadTracker: @unchecked Sendable {
    private let lock = NSLock()
    private var requested: [String] = []
    private var requestedSet: Set<String> = []
    private var tables: [String: TOMLReader] = [:]
    private var tableLists: [String: [TOMLReader]] = [:]

    /// Records that a key was asked for.
    func request(_ key: String) {
        lock.withLock {
            if requestedSet.insert(key).inserted { requested.append(key) }
        }
    }

    /// The keys asked for, in order.
    var requestedKeys: [String] { lock.withLock { requested } }

    /// Whether a key was asked for.
    func wasRequested(_ key: String) -> Bool { lock.withLock { requestedSet.contains(key) } }

    /// The reader already handed out for a sub-table.
    func cachedTable(_ key: String) -> TOMLReader? { lock.withLock { tables[key] } }

    /// Keeps the reader for a sub-table (the first one kept wins) and returns the kept one.
    func keepTable(_ key: String, _ reader: TOMLReader) -> TOMLReader {
        lock.withLock {
            if let kept = tables[key] { return kept }
            tables[key] = reader
            return reader
        }
    }

    /// The readers already handed out for an array of tables.
    func cachedTableList(_ key: String) -> [TOMLReader]? { lock.withLock { tableLists[key] } }

    /// Keeps the readers for an array of tables (the first ones kept win) and returns the kept ones.
    func keepTableList(_ key: String, _ readers: [TOMLReader]) -> [TOMLReader] {
        lock.withLock {
            if let kept = tableLists[key] { return kept }
            tableLists[key] = readers
            return readers
        }
    }

    /// Every reader handed out for sub-tables.
    var children: [TOMLReader] {
        lock.withLock { Array(tables.values) + tableLists.values.flatMap { $0 } }
    }
}
