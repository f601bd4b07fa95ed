import Foundation
import Testing
@testable import ReconRules

@Suite("Beijing time")
struct BeijingTimeTests {
    /// The brief's example: 16:30 UTC on 27 Sep is 00:30 on 28 Sep in Beijing, a make-up Sunday.
    @Test func utcEveningIsNextBeijingDay() throws {
        let t = beijingInstant("2025-09-27T16:30:00Z")
        #expect(t.timeIntervalSince1970 == 1_758_990_600)  // date -u -d 2025-09-27T16:30:00Z +%s
        let local = BeijingTime.dateTime(of: t)
        #expect(local.date == civilDate("2025-09-28"))
        #expect(local.time.hour == 0 && local.time.minute == 30)
        #expect(try WorkdayCalendar.builtIn.isWorkingDay(local.date))
        #expect(BeijingTimeFormat.iso(t) == "2025-09-28T00:30:00.000+08:00")
    }

    @Test func offsetsAreHonoured() {
        let a = beijingInstant("2025-09-30T10:00:00+08:00")
        #expect(a == beijingInstant("2025-09-30T02:00:00Z"))
        #expect(a == beijingInstant("2025-09-29T21:00:00-05:00"))
        #expect(a == beijingInstant("2025-09-30 10:00:00+08:00"))
        #expect(a.timeIntervalSince1970 == 1_759_197_600)
        #expect(BeijingTime.civilDate(of: beijingInstant("2025-09-30T23:59:59+08:00")) == civilDate("2025-09-30"))
        #expect(BeijingTime.civilDate(of: beijingInstant("2025-09-30T16:00:00Z")) == civilDate("2025-10-01"))
    }

    @Test func formatsWithMillisecondsAndPlusEight() {
        let t = beijingInstant("2025-10-14T15:59:59.999Z")
        #expect(BeijingTimeFormat.iso(t) == "2025-10-14T23:59:59.999+08:00")
        #expect(BeijingTimeFormat.iso(beijingInstant("2025-10-14T23:59:59.999+08:00")) == "2025-10-14T23:59:59.999+08:00")
        #expect(BeijingTimeFormat.iso(beijingInstant("2025-10-14T23:59:59.9999+08:00")) == "2025-10-14T23:59:59.999+08:00")
        #expect(BeijingTimeFormat.iso(beijingInstant("2025-10-14T23:59:59.5+08:00")) == "2025-10-14T23:59:59.500+08:00")
        #expect(BeijingTimeFormat.iso(BeijingTime.endOfDay(civilDate("2025-10-14"))) == "2025-10-15T00:00:00.000+08:00")
        #expect(BeijingTimeFormat.iso(Date(timeIntervalSince1970: 0)) == "1970-01-01T08:00:00.000+08:00")
        #expect(BeijingTimeFormat.iso(Date(timeIntervalSince1970: -1)) == "1970-01-01T07:59:59.000+08:00")
    }

    @Test func instantOfCivilDateAndTime() throws {
        let t = try BeijingTime.instant(of: civilDate("2025-09-30"), hour: 10)
        #expect(t == beijingInstant("2025-09-30T02:00:00Z"))
        #expect(BeijingTime.startOfDay(civilDate("2025-10-01")) == beijingInstant("2025-09-30T16:00:00Z"))
        #expect(BeijingTime.endOfDay(civilDate("2025-10-14")) == beijingInstant("2025-10-14T16:00:00Z"))
        #expect(throws: DateParseError.self) { try BeijingTime.instant(of: civilDate("2025-09-30"), hour: 24) }
        // Round trip of a sub-second instant through the Beijing split.
        let precise = beijingInstant("2025-10-14T23:59:59.999999+08:00")
        let parts = BeijingTime.dateTime(of: precise)
        #expect(parts.date == civilDate("2025-10-14") && parts.time.microsecond == 999_999)
        #expect(BeijingTime.instant(of: parts) == precise)
    }

    @Test(arguments: [
        "2025-09-30T10:00:00", "2025-09-30T10:00:00+0800", "2025-09-30T10:00:00+08", "2025-09-30T24:00:00Z",
        "2025-09-30T10:60:00Z", "2025-09-30T10:00:60Z", "2025-09-30T10:00Z", "2025-09-31T10:00:00Z",
        "2025-09-30X10:00:00Z", "2025-09-30T10:00:00.Z", "2025-09-30T10:00:00.1234567890Z",
        "2025-09-30T10:00:00+08:00 ", "2025-09-30", "",
    ])
    func refusesBadTimestamps(text: String) {
        #expect(throws: DateParseError.self) { try BeijingTime.parseTimestamp(text) }
    }

    @Test func missingOffsetIsNamed() {
        do {
            _ = try BeijingTime.parseTimestamp("2025-09-30T10:00:00")
            Issue.record("accepted a timestamp without offset")
        } catch {
            #expect("\(error)".contains("offset is missing"))
            #expect("\(error)".contains("2025-09-30T10:00:00"))
        }
    }
}
