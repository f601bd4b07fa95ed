import Foundation

/// A holiday notice file or feed that could not be loaded. The message names the source (file
/// name) and, for text files, the line: `cn-workdays.tsv:12: …`.
public struct HolidayNoticeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad cause, for callers that react differently (e.g. "try again later").
    public enum Kind: String, Sendable, Hashable {
        /// The source is well formed but lists no days: the notice is not published yet.
        case notPublished
        /// The text cannot be read (bad line, bad JSON, bad date).
        case malformed
        /// Readable, but the days contradict each other or the notice's year.
        case inconsistent
    }

    /// The broad cause.
    public let kind: Kind
    /// The file name or description of the source.
    public let source: String
    /// The 1-based line of a text source, when the problem is on one line.
    public let line: Int?
    /// What is wrong.
    public let message: String

    /// Creates the error.
    public init(kind: Kind, source: String, line: Int? = nil, message: String) {
        self.kind = kind
        self.source = source
        self.line = line
        self.message = message
    }

    /// `source:line: message` (or `source: message`).
    public var description: String {
        if let line { return "\(source):\(line): \(message)" }
        return "\(source): \(message)"
    }
}

extension HolidayNoticeError: LocalizedError {
    /// Same as `description`.
    public var errorDescription: String? { description }
}
