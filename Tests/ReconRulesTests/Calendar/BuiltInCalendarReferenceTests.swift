import Foundation
import Testing
@testable import ReconRules

/// The built-in calendar against the project's data file `data/calendar/cn-workdays-2019-2026.tsv`,
/// read naively here, with weekdays from Foundation's Gregorian calendar, and against facts of the
/// State Council notices written out by hand below.
@Suite("Built-in calendar vs the reference TSV")
struct BuiltInCalendarReferenceTests {
    @Test func builtInTextIsTheReferenceFileVerbatim() throws {
        #expect(BuiltInNotices.tsv == (try CalendarReferenceFiles.workdaysTSV()))
    }

    @Test func everyDay2019Through2026() throws {
        let kinds = try CalendarReferenceFiles.workdayKinds()
        #expect(kinds.count == 290)
        let calendar = WorkdayCalendar.builtIn
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(secondsFromGMT: 0)!
        var instant = gregorian.date(from: DateComponents(year: 2019, month: 1, day: 1))!
        let end = gregorian.date(from: DateComponents(year: 2026, month: 12, day: 31))!
        var seen = 0
        var listedSeen = 0
        var workingDays = 0
        while instant <= end {
            let parts = gregorian.dateComponents([.year, .month, .day, .weekday], from: instant)
            let text = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            let isWeekend = parts.weekday == 1 || parts.weekday == 7  // Sunday, Saturday
            let expected: Bool
            switch kinds[text] {
            case "holiday": expected = false; listedSeen += 1
            case "workday": expected = true; listedSeen += 1
            default: expected = !isWeekend
            }
            let status = try calendar.dayStatus(try CivilDate.parse(text))
            #expect(status.isWorkingDay == expected, "\(text): \(status)")
            #expect(!status.assumedOrdinaryWeekends)
            if expected { workingDays += 1 }
            seen += 1
            instant = instant.addingTimeInterval(86_400)
        }
        #expect(seen == 2922)  // 8 years, two of them leap years
        #expect(listedSeen == kinds.count)
        // Cross-check of a year total with the calendar's own range query.
        let total = try calendar.workingDays(from: civilDate("2019-01-01"), through: civilDate("2026-12-31")).value.count
        #expect(total == workingDays)
    }

    /// 2026-02-14 (Saturday) is a make-up working day for the Spring Festival.
    @Test func makeUpSaturday2026_02_14() throws {
        #expect(try CalendarReferenceFiles.workdayKinds()["2026-02-14"] == "workday")
        let status = try WorkdayCalendar.builtIn.dayStatus(civilDate("2026-02-14"))
        #expect(status.kind == .makeUpWorkday)
        #expect(status.festival == "Spring Festival (春节)")
        #expect(status.isWorkingDay)
    }

    /// 2020: the Spring Festival holiday was extended to 2020-02-02 (COVID-19), cancelling the
    /// make-up working day of Saturday 2020-02-01.
    @Test func springFestival2020Extension() throws {
        let kinds = try CalendarReferenceFiles.workdayKinds()
        for text in ["2020-01-31", "2020-02-01", "2020-02-02"] { #expect(kinds[text] == "holiday", "\(text)") }
        let calendar = WorkdayCalendar.builtIn
        #expect(try !calendar.isWorkingDay(civilDate("2020-01-31")))  // Friday
        #expect(try !calendar.isWorkingDay(civilDate("2020-02-01")))  // Saturday, no make-up
        #expect(try !calendar.isWorkingDay(civilDate("2020-02-02")))
        #expect(try calendar.isWorkingDay(civilDate("2020-02-03")))   // Monday, back to work
        #expect(try calendar.addingWorkingDays(1, to: civilDate("2020-01-23")).value == civilDate("2020-02-03"))
    }

    /// Facts of the notices, written here from the notices' own text (not read from the data file):
    /// a holiday's first and last day off and its make-up working days.
    @Test(arguments: [
        ("2019-10-01", "2019-10-07", ["2019-09-29", "2019-10-12"]),  // 2019 国庆节
        ("2020-10-01", "2020-10-08", ["2020-09-27", "2020-10-10"]),  // 2020 国庆节、中秋节
        ("2023-09-29", "2023-10-06", ["2023-10-07", "2023-10-08"]),  // 2023 中秋节、国庆节
        ("2024-02-10", "2024-02-17", ["2024-02-04", "2024-02-18"]),  // 2024 春节
        ("2025-10-01", "2025-10-08", ["2025-09-28", "2025-10-11"]),  // 2025 国庆节、中秋节
        ("2026-10-01", "2026-10-07", ["2026-09-20", "2026-10-10"]),  // 2026 国庆节
    ])
    func noticeFactsByHand(firstOff: String, lastOff: String, makeUp: [String]) throws {
        let calendar = WorkdayCalendar.builtIn
        var day = civilDate(firstOff)
        while day <= civilDate(lastOff) {
            #expect(try !calendar.isWorkingDay(day), "\(day) should be a day off")
            day = CivilDate(dayNumber: day.dayNumber + 1)
        }
        for text in makeUp {
            #expect(try calendar.dayStatus(civilDate(text)).kind == .makeUpWorkday, "\(text) should be a make-up working day")
        }
    }

    @Test func builtInKnowsExactly2019Through2026() {
        #expect(WorkdayCalendar.builtIn.knownYears == Array(2019...2026))
        #expect(!WorkdayCalendar.builtIn.assumeOrdinaryWeekends)
    }

    @Test func describeListsFestivals() throws {
        let text = try WorkdayCalendar.builtIn.describe(year: 2026)
        #expect(text.contains("Spring Festival (春节): off 2026-02-15 Sun – 2026-02-23 Mon (9 days); make-up working days 2026-02-14 Sat, 2026-02-28 Sat"))
        #expect(text.contains("New Year's Day (元旦): off 2026-01-01 Thu – 2026-01-03 Sat (3 days); make-up working day 2026-01-04 Sun"))
        #expect(text.contains("国务院办公厅关于2026年部分节假日安排的通知"))
        #expect(throws: WorkdayCalendarError.self) { try WorkdayCalendar.builtIn.describe(year: 2027) }
    }
}
