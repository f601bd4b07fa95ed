import PostgresClient
import TOML

/// `[jobs]` of recon.toml beyond `output_dir`: how `recon due` runs (README "Deploying").
///
/// ```toml
/// [jobs]
/// parallel = 2                          # provinces at once in one recon due (default 1)
/// province_budget = "2h"                # one province's step over this fails alone (default 2h)
/// held_wait = "2h"                      # wait this long for work another copy holds (default 2h)
/// statement_timeout = "1h"              # on every connection (default 1h)
/// idle_in_transaction_timeout = "30min" # on every connection (default 30min)
/// ```
public struct JobsSettings: Sendable, Equatable {
    /// Provinces reconciled or tracked at once by one `recon due` (`--jobs` overrides it).
    public var parallel = 1
    /// Seconds a province's step (reconcile or track) may take before its statements are cancelled
    /// and it fails alone.
    public var provinceBudget = 7200
    /// Seconds `recon due` waits for work held by another copy (then exit 75 if still held).
    public var heldWait = 7200
    /// The limits of every connection (statement and idle timeouts; keepalives).
    public var limits = ConnectionLimits.standard

    /// The defaults.
    public init() {}

    /// Reads the keys of `[jobs]` other than `output_dir` (`nil`: no `[jobs]` table).
    static func read(_ table: TOMLReader?) throws -> JobsSettings {
        var settings = JobsSettings()
        guard let table else { return settings }
        if let parallel = try table.optionalInt("parallel") {
            guard (1...64).contains(parallel) else { throw table.error(at: "parallel", "parallel must be 1 … 64, got \(parallel)") }
            settings.parallel = parallel
        }
        settings.provinceBudget = try seconds(table, "province_budget") ?? settings.provinceBudget
        settings.heldWait = try seconds(table, "held_wait", allowZero: true) ?? settings.heldWait
        settings.limits.statementTimeout = try seconds(table, "statement_timeout", allowZero: true) ?? settings.limits.statementTimeout
        settings.limits.idleInTransactionTimeout = try seconds(table, "idle_in_transaction_timeout", allowZero: true)
            ?? settings.limits.idleInTransactionTimeout
        return settings
    }

    /// A duration key: `"90s"`, `"30min"`, `"2h"`, `"1d"`, or a whole number of seconds.
    static func seconds(_ table: TOMLReader, _ key: String, allowZero: Bool = false) throws -> Int? {
        guard table.contains(key) else { return nil }
        let value: Int?
        if case .integer(let n)? = table.value(key) {
            table.markRead(key)
            value = n
        } else {
            value = DurationText.seconds(try table.string(key))
        }
        guard let value, value > 0 || (allowZero && value == 0) else {
            throw table.error(at: key, "\(key) must be a duration such as \"90s\", \"30min\", \"2h\" or \"1d\"\(allowZero ? " (0: none)" : "")")
        }
        return value
    }
}

/// Durations written as text in recon.toml.
enum DurationText {
    /// `"90s"`, `"30min"`, `"2h"`, `"1d"`, `"45"` (seconds) → seconds; `nil` when malformed.
    static func seconds(_ text: String) -> Int? {
        let units: [(String, Int)] = [("min", 60), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            guard let n = Int(text.dropLast(suffix.count)), n >= 0 else { return nil }
            return n * factor
        }
        return Int(text).flatMap { $0 >= 0 ? $0 : nil }
    }
}
