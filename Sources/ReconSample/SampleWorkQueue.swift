import Foundation
import ReconRules
import ReconKit

/// Hands out the numbers 0 ..< count to concurrent workers, each once.
final class SampleWorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextItem = 0
    private let count: Int

    init(count: Int) { self.count = count }

    /// The next number, or nil when all are taken.
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextItem < count else { return nil }
        nextItem += 1
        return nextItem - 1
    }
}

/// Collects the errors of concurrent workers.
final class SampleFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func add(_ message: String) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    /// The first error reported.
    var first: String? {
        lock.lock()
        defer { lock.unlock() }
        return messages.first
    }
}
