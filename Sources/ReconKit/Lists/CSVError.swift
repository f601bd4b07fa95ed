import Foundation
import ReconRules

/// A failure while writing or reading a CSV file (see ``CSVWriter`` and ``CSVReader``).
public enum CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be created or opened; `reason` is the system's (`strerror`).
    case cannotOpen(path: String, reason: String)
    /// Writing to the file failed; `reason` is the system's (`strerror`).
    case writeFailed(path: String, reason: String)
    /// The writer was already closed.
    case closed(path: String)
    /// The file to read does not exist or cannot be read.
    case cannotRead(path: String)
    /// The text is not valid RFC 4180 CSV; `line` is the 1-based physical line where the problem
    /// is (for an unterminated quoted field: where the field started).
    case malformed(source: String, line: Int, reason: String)

    /// The full English message.
    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): return "cannot open CSV file '\(path)' for writing: \(reason)"
        case let .writeFailed(path, reason): return "cannot write CSV file '\(path)': \(reason)"
        case let .closed(path): return "CSV file '\(path)' is already closed"
        case let .cannotRead(path): return "cannot read CSV file '\(path)'"
        case let .malformed(source, line, reason): return "malformed CSV in '\(source)' line \(line): \(reason)"
        }
    }
}

extension CSVError: LocalizedError {
    /// The full English message (same as `description`).
    public var errorDescription: String? { description }
}
