import Foundation
import Testing
@testable import ReconRules

/// A `YYYY-MM-DD` date for test literals (a typo fails the test at the call).
func civilDate(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> CivilDate {
    do {
        return try CivilDate.parse(text)
    } catch {
        Issue.record("bad test date \(text): \(error)", sourceLocation: sourceLocation)
        return CivilDate(dayNumber: 0)
    }
}

/// An instant from an ISO 8601 literal with offset.
func beijingInstant(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Date {
    do {
        return try BeijingTime.parseTimestamp(text)
    } catch {
        Issue.record("bad test timestamp \(text): \(error)", sourceLocation: sourceLocation)
        return Date(timeIntervalSince1970: 0)
    }
}

/// The project's own calendar data file: `<repo root>/data/calendar/cn-workdays-2019-2026.tsv`.
enum CalendarReferenceFiles {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// The text of `cn-workdays-2019-2026.tsv`, found by walking up from this file to the
    /// package root (the first directory holding `Package.swift`), then `data/calendar/`.
    /// A missing file is an error (the test fails), never a skip.
    static func workdaysTSV(filePath: String = #filePath) throws -> String {
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        var root: URL?
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                root = directory
                break
            }
            directory = directory.deletingLastPathComponent()
        }
        guard let root else {
            throw Missing(description: "no Package.swift above \(filePath): cannot locate the repository root")
        }
        let file = root.appendingPathComponent("data/calendar/cn-workdays-2019-2026.tsv")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw Missing(description: "the calendar data file \(file.path) is missing or unreadable")
        }
        return text
    }

    /// The reference TSV read naively (independently of `HolidayNotice.parseTSV`): date → kind.
    static func workdayKinds() throws -> [String: String] {
        var kinds: [String: String] = [:]
        for line in try workdaysTSV().split(separator: "\n") {
            let fields = line.split(separator: "\t")
            kinds[String(fields[0])] = String(fields[1])
        }
        return kinds
    }
}
