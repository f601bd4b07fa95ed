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


/// Strict readers of fixed-width ASCII digit fields, shared by the date, month, quarter and
/// timestamp parsers.
enum DigitScanner {
    /// The value of `count` ASCII digits of `bytes` starting at `start`, or nil when any is not a
    /// digit or the text is too short.
    static func number(_ bytes: [UInt8], at start: Int, count: Int) -> Int? {
        guard start >= 0, count > 0, start + count <= bytes.count else { return nil }
        var value = 0
        for index in start..<(start + count) {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
