import Foundation

/// A date, month, quarter or timestamp text that could not be read.
///
/// The message names the offending text and what was expected, e.g.
/// `invalid date '2025-02-30': day 30 is out of 1…28 for 2025-02 (expected YYYY-MM-DD)`.
public struct DateParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of value was being read: "date", "month", "quarter", "timestamp".
    public let what: String
    /// The text that was given.
    public let input: String
    /// Why it was refused.
    public let reason: String

    /// Creates the error.
    public init(what: String, input: String, reason: String) {
        self.what = what
        self.input = input
        self.reason = reason
    }

    /// The full English message.
    public var description: String { "invalid \(what) '\(input)': \(reason)" }
}

extension DateParseError: LocalizedError {
    /// The full English message (same as `description`).
    public var errorDescription: String? { description }
}
