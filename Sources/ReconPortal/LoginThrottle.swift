import Foundation

/// Failed logins per client address (docs/rules.md, "Portal: abuse and logs"): after
/// ``limit`` failures within ``window`` an address is refused (429, a Chinese page) until the
/// oldest of them leaves the window — a valid token included, so that guessing cannot go on —
/// while every other address logs in as usual. Kept in memory (a restart forgets it); at most
/// ``maxAddresses`` addresses are tracked, the stalest dropped first.
public final class LoginThrottle: @unchecked Sendable {
    /// Failures allowed within the window.
    public let limit: Int
    /// The window.
    public let window: TimeInterval
    let maxAddresses = 10_000
    private let lock = NSLock()
    private var failures: [String: [Date]] = [:]

    /// A throttle of `limit` failures per `window` seconds.
    public init(limit: Int = 10, window: TimeInterval = 300) {
        self.limit = limit
        self.window = window
    }

    /// When `address` may try again (nil: now).
    public func blockedUntil(_ address: String, now: Date) -> Date? {
        lock.withLock {
            let recent = (failures[address] ?? []).filter { now.timeIntervalSince($0) < window }
            failures[address] = recent.isEmpty ? nil : recent
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            return oldest.addingTimeInterval(window)
        }
    }

    /// Records a failed login of `address` at `now`.
    public func fail(_ address: String, now: Date) {
        lock.withLock {
            if failures[address] == nil, failures.count >= maxAddresses {
                let stalest = failures.min { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) }
                if let stalest { failures[stalest.key] = nil }
            }
            var recent = (failures[address] ?? []).filter { now.timeIntervalSince($0) < window }
            recent.append(now)
            failures[address] = Array(recent.suffix(limit))
        }
    }
}

/// Repeated security failures of one client in the request log: the first is logged as a line,
/// the next ones within ``window`` are only counted, and the first line after the window carries
/// `repeated=N` (how many were folded into it) — a password-guessing burst is a few lines, not
/// one per request.
final class FailureLogAggregator: @unchecked Sendable {
    let window: TimeInterval
    private let lock = NSLock()
    private var open: [String: (since: Date, folded: Int)] = [:]

    init(window: TimeInterval = 60) { self.window = window }

    /// Whether to log this failure of `key` at `now`, and how many earlier ones were folded.
    func record(_ key: String, now: Date) -> (log: Bool, folded: Int) {
        lock.withLock {
            if let entry = open[key], now.timeIntervalSince(entry.since) < window {
                open[key] = (entry.since, entry.folded + 1)
                return (false, 0)
            }
            let folded = open[key]?.folded ?? 0
            if open.count > 10_000 { open = open.filter { now.timeIntervalSince($0.value.since) < window } }
            open[key] = (now, 0)
            return (true, folded)
        }
    }
}
