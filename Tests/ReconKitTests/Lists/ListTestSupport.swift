import Foundation
import Testing
@testable import ReconKit
@testable import ReconRules

/// An instant from an ISO 8601 literal with offset (a typo fails the test).
func listInstant(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Date {
    do {
        return try BeijingTime.parseTimestamp(text)
    } catch {
        Issue.record("bad test timestamp \(text): \(error)", sourceLocation: sourceLocation)
        return Date(timeIntervalSince1970: 0)
    }
}

/// A list issued 2025-09-30 10:00 Beijing with the docs/rules.md deadline (2025-10-14 24:00).
func sampleList(id: Int64 = 7, recordSets: [String] = ["operators", "practitioners", "vehicles"]) -> RectificationList {
    RectificationList(id: id, runID: 3, provinceCode: "410000", provinceName: "河南省",
                      quarter: Quarter(validYear: 2025, number: 3), official: true,
                      issuedAt: listInstant("2025-09-30T10:00:00+08:00"),
                      deadline: listInstant("2025-10-15T00:00:00+08:00"), calendarVersion: "abc",
                      assumedWeekends: false, itemCount: 3, firstDownloadAt: nil, recordSets: recordSets)
}
