import Foundation
import Testing
@testable import ReconSample
@testable import ReconKit
@testable import ReconRules

/// Planning a province's answer to a list: exact share, working-day offsets, on time vs late.
@Suite("Sample re-upload plan")
struct SampleReuploadPlanTests {
    static let items = (0..<40).map { ReuploadItem(recordSet: "operators", keyValues: [String(410100000000 + $0)]) }
    /// docs/rules.md: issued 2025-09-30 (Tue) → days 1..5 = Oct 9, 10, 11 (make-up Saturday), 13, 14
    /// → deadline 2025-10-14 24:00.
    static let issued = try! BeijingTime.parseTimestamp("2025-09-30T10:00:00+08:00")

    static func plan(share: String = "75%", offsets: [Int]) throws -> ReuploadPlan {
        try SampleReupload.plan(ReuploadRequest(province: "410000", items: items, issuedAt: issued, share: try SampleRate(parsing: share),
                                                offsets: offsets, seed: 3))
    }

    static func day(_ date: Date) -> String { BeijingTime.civilDate(of: date).description }

    @Test func shareIsExact() throws {
        #expect(try Self.plan(offsets: [1]).reuploads.count == 30)
        #expect(try Self.plan(share: "100%", offsets: [1]).reuploads.count == 40)
        #expect(try Self.plan(share: "0%", offsets: [1]).untouched == 40)
    }

    @Test func workingDayOffsetsFollowTheCalendar() throws {
        #expect(try Set(Self.plan(offsets: [1]).reuploads.map { Self.day($0.submittedAt) }) == ["2025-10-09"])
        #expect(try Set(Self.plan(offsets: [3]).reuploads.map { Self.day($0.submittedAt) }) == ["2025-10-11"])
        #expect(try Set(Self.plan(offsets: [5]).reuploads.map { Self.day($0.submittedAt) }) == ["2025-10-14"])
        #expect(try Set(Self.plan(offsets: [6]).reuploads.map { Self.day($0.submittedAt) }) == ["2025-10-15"])
        let sameDay = try Self.plan(offsets: [0]).reuploads
        #expect(sameDay.allSatisfy { Self.day($0.submittedAt) == "2025-09-30" && $0.submittedAt > Self.issued })
    }

    @Test func onTimeUpToTheFifthWorkingDay() throws {
        let deadline = try BeijingTime.parseTimestamp("2025-10-15T00:00:00+08:00")
        let plan = try Self.plan(share: "100%", offsets: [0, 1, 5, 6, 9])
        #expect(plan.deadline == deadline)
        for reupload in plan.reuploads {
            #expect(reupload.onTime == (reupload.workingDayOffset <= 5))
            #expect(reupload.onTime == (reupload.submittedAt < deadline))
        }
        #expect(plan.onTimeCount > 0 && plan.lateCount > 0)
        #expect(Set(plan.reuploads.map(\.workingDayOffset)) == [0, 1, 5, 6, 9])
    }

    @Test func badOffsetsAreRefused() {
        #expect(throws: SampleError.self) { try Self.plan(offsets: []) }
        #expect(throws: SampleError.self) { try Self.plan(offsets: [-1]) }
    }
}
