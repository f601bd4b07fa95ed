import Foundation
import Testing
@testable import ReconRules

@Suite("Working-day arithmetic, unknown years, spill-over")
struct WorkingDayArithmeticTests {
    let calendar = WorkdayCalendar.builtIn

    /// Oct 2025: 1–8 off, Sat 11 worked → 9, 10, 11, 13, 14, 15, 16, 17, 20, 21.
    @Test func tenthWorkingDayOfOctober2025() throws {
        #expect(try calendar.workingDay(10, of: YearMonth.parse("2025-10")).value == civilDate("2025-10-21"))
        #expect(try calendar.workingDay(1, of: YearMonth.parse("2025-10")).value == civilDate("2025-10-09"))
        #expect(throws: WorkdayCalendarError.self) { try calendar.workingDay(0, of: YearMonth.parse("2025-10")) }
        #expect(throws: WorkdayCalendarError.self) { try calendar.workingDay(24, of: YearMonth.parse("2025-10")) }
    }

    @Test func addFiveWorkingDaysAfter2025_09_30() throws {
        let answer = try calendar.addingWorkingDays(5, to: civilDate("2025-09-30"))
        #expect(answer.value == civilDate("2025-10-14"))
        #expect(!answer.usedOrdinaryWeekendAssumption)
        #expect(try calendar.workingDays(after: civilDate("2025-09-30"), count: 5).value
            == ["2025-10-09", "2025-10-10", "2025-10-11", "2025-10-13", "2025-10-14"].map { civilDate($0) })
        #expect(try calendar.addingWorkingDays(0, to: civilDate("2025-10-01")).value == civilDate("2025-10-01"))
        #expect(throws: WorkdayCalendarError.self) { try calendar.addingWorkingDays(-1, to: civilDate("2025-10-01")) }
    }

    @Test func firstWorkingDaysOfAQuarter() throws {
        #expect(try calendar.firstWorkingDays(5, of: Quarter.parse("2025Q4")).value
            == ["2025-10-09", "2025-10-10", "2025-10-11", "2025-10-13", "2025-10-14"].map { civilDate($0) })
        #expect(try calendar.firstWorkingDays(3, of: Quarter.parse("2026Q1")).value
            == ["2026-01-04", "2026-01-05", "2026-01-06"].map { civilDate($0) })  // Jan 4 is a make-up Sunday
    }

    @Test func unknownYearIsRefusedWithTheYearNamed() {
        for question in [
            { _ = try calendar.isWorkingDay(civilDate("2027-01-04")) },
            { _ = try calendar.addingWorkingDays(5, to: civilDate("2026-12-28")) },  // walks into 2027
            { _ = try calendar.resultsDueDate(Quarter.parse("2026Q4")) },     // January 2027
            { _ = try calendar.isWorkingDay(civilDate("2018-12-31")) },
        ] as [() throws -> Void] {
            do {
                try question()
                Issue.record("an unknown year was answered")
            } catch let error as WorkdayCalendarError {
                guard case .unknownYear(let year, _, let known) = error else {
                    Issue.record("wrong error \(error)")
                    continue
                }
                #expect(year == 2027 || year == 2018)
                #expect(known == Array(2019...2026))
                #expect("\(error)".contains("\(year)"))
                #expect("\(error)".contains("recon calendar import FILE"))
                #expect("\(error)".contains("2019–2026"))
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func optInAssumesOrdinaryWeeksAndSaysSo() throws {
        let assuming = calendar.assumingOrdinaryWeekends()
        let friday = try assuming.dayStatus(civilDate("2027-01-01"))  // a Friday: New Year's Day in reality
        #expect(friday.isWorkingDay && friday.assumedOrdinaryWeekends)
        #expect(try !assuming.dayStatus(civilDate("2027-01-02")).isWorkingDay)  // Saturday
        #expect("\(friday)".contains("ASSUMED"))
        let answer = try assuming.addingWorkingDays(5, to: civilDate("2026-12-28"))
        // Dec 29, 30, 31 (2026, known), then Fri 2027-01-01 and Mon 2027-01-04 (assumed).
        #expect(answer.value == civilDate("2027-01-04"))
        #expect(answer.assumedYears == [2027])
        #expect(answer.usedOrdinaryWeekendAssumption)
        // A question inside known years carries no flag even on the opted-in calendar.
        let known = try assuming.addingWorkingDays(5, to: civilDate("2025-09-30"))
        #expect(known.assumedYears.isEmpty && !known.usedOrdinaryWeekendAssumption)
        #expect(try !assuming.dayStatus(civilDate("2026-10-01")).assumedOrdinaryWeekends)
    }

    /// A 2027 notice whose New Year holiday starts on Thursday 2026-12-31: the day lands in 2026.
    @Test func yearBoundarySpill() throws {
        let feed = """
            {"year":2027,"days":[
              {"name":"元旦","date":"2026-12-31","isOffDay":true},
              {"name":"元旦","date":"2027-01-01","isOffDay":true},
              {"name":"元旦","date":"2027-01-02","isOffDay":true},
              {"name":"元旦","date":"2027-01-09","isOffDay":false}
            ]}
            """
        let notice = try HolidayNotice.parseFeedJSON(Data(feed.utf8), sourceName: "2027.json")
        #expect(try calendar.isWorkingDay(civilDate("2026-12-31")))  // before: an ordinary Thursday
        let merged = calendar.merging(notice)
        #expect(merged.knownYears == Array(2019...2027))
        let status = try merged.dayStatus(civilDate("2026-12-31"))
        #expect(status.kind == .holiday && status.noticeYear == 2027)
        #expect(try merged.isWorkingDay(civilDate("2027-01-09")))  // make-up Saturday
        #expect(try merged.addingWorkingDays(2, to: civilDate("2026-12-29")).value == civilDate("2027-01-04"))
        let description = try merged.describe(year: 2026)
        #expect(description.contains("元旦: off 2026-12-31 Thu (1 day) [from the 2027 notice]"))
        #expect(try merged.describe(year: 2027).contains("元旦: off 2027-01-01 Fri – 2027-01-02 Sat (2 days); make-up working day 2027-01-09 Sat"))
        // The spill day alone does not make 2026 known.
        let only2027 = WorkdayCalendar(notices: [notice])
        #expect(only2027.knownYears == [2027])
        #expect(throws: WorkdayCalendarError.self) { try only2027.isWorkingDay(civilDate("2026-12-31")) }
        // Under the opt-in, the spill day is still honoured (and flagged).
        let spill = try only2027.assumingOrdinaryWeekends().dayStatus(civilDate("2026-12-31"))
        #expect(spill.kind == .holiday && spill.assumedOrdinaryWeekends)
    }

    @Test func mergingReplacesTheSameYearAndChangesTheVersion() throws {
        let original = calendar.notice(for: 2026)!
        let edited = try HolidayNotice(year: 2026, source: "edited.tsv",
                                       days: original.days.filter { $0.date != civilDate("2026-10-10") })
        let merged = calendar.merging(edited)
        #expect(merged.knownYears == calendar.knownYears)
        #expect(merged.notice(for: 2026)?.source == "edited.tsv")
        #expect(try !merged.isWorkingDay(civilDate("2026-10-10")))  // no longer a make-up Saturday
        #expect(try calendar.isWorkingDay(civilDate("2026-10-10")))
        #expect(merged.versionHash != calendar.versionHash)
        // Same day lists in any order and from any source → same version.
        let rebuilt = WorkdayCalendar(notices: calendar.notices.reversed().map {
            try! HolidayNotice(year: $0.year, source: "other", days: $0.days)
        })
        #expect(rebuilt.versionHash == calendar.versionHash)
        #expect(calendar.versionHash.count == 16)
    }
}
