import ArgumentParser
import Foundation
import ReconKit
import ReconRules

/// Parsers for `@Option(transform:)` and `@Argument(transform:)`: a value that does not parse is
/// a usage error (exit 64) whose message names the option and says why, before anything runs —
/// `The value '2026-02-30' is invalid for '--date <date>': invalid date '2026-02-30': day 30 is out of 1…28 …`.
enum ArgumentValue {
    /// An instant, ISO 8601 with an offset (`2026-07-02T09:00:00+08:00`).
    @Sendable static func instant(_ text: String) throws -> Date { try BeijingTime.parseTimestamp(text) }
    /// A calendar date `YYYY-MM-DD` (Beijing).
    @Sendable static func date(_ text: String) throws -> CivilDate { try CivilDate.parse(text) }
    /// A month `YYYY-MM`.
    @Sendable static func month(_ text: String) throws -> YearMonth { try YearMonth.parse(text) }
    /// A quarter `YYYYQn`.
    @Sendable static func quarter(_ text: String) throws -> Quarter { try Quarter.parse(text) }
    /// A reconciliation-window policy name.
    @Sendable static func windowPolicy(_ text: String) throws -> ReconciliationWindowPolicy {
        try ReconciliationWindowPolicy.named(text)
    }
    /// A scoring policy name.
    @Sendable static func scoringPolicy(_ text: String) throws -> ScoringPolicy { try ScoringPolicy.named(text) }
    /// An expiry: `YYYY-MM-DD` (valid through that Beijing day, 24:00), an instant with offset, or
    /// `N` days from now (`90d`).
    @Sendable static func expiry(_ text: String) throws -> Date {
        if text.hasSuffix("d"), let days = Int(text.dropLast()), days > 0 { return Date(timeIntervalSinceNow: Double(days) * 86_400) }
        if text.count == 10, let date = try? CivilDate.parse(text) { return BeijingTime.endOfDay(date) }
        do { return try BeijingTime.parseTimestamp(text) } catch {
            throw ValidationError("expiry must be YYYY-MM-DD (through that Beijing day), an ISO 8601 time with offset, or Nd (N days from now); got \"\(text)\"")
        }
    }
    /// A read mode: `full`, `checksum`, `auto`.
    @Sendable static func readMode(_ text: String) throws -> ReadMode {
        guard let mode = ReadMode(name: text) else {
            throw ValidationError("read mode must be one of \(ReadMode.names), got \"\(text)\"")
        }
        return mode
    }
}
