import Foundation
import Testing
@testable import ReconRules

@Suite("Rectification deadline, window, results schedule")
struct DeadlineAndWindowTests {
    let calendar = WorkdayCalendar.builtIn

    /// docs/rules.md *11*: issued 2025-09-30 → days 1..5 = Oct 9, 10, 11, 13, 14 → deadline
    /// 2025-10-14 24:00.
    @Test func indicatorsExample() throws {
        let deadline = try calendar.rectificationDeadline(issuedAt: beijingInstant("2025-09-30T10:00:00+08:00"))
        #expect(deadline.issueDay == civilDate("2025-09-30"))
        #expect(deadline.workingDays == ["2025-10-09", "2025-10-10", "2025-10-11", "2025-10-13", "2025-10-14"].map { civilDate($0) })
        #expect(deadline.lastWorkingDay == civilDate("2025-10-14"))
        #expect(deadline.end == beijingInstant("2025-10-15T00:00:00+08:00"))
        #expect(deadline.description.hasPrefix("2025-10-14 24:00"))
        #expect(try calendar.deadline(issuedAt: beijingInstant("2025-09-30T10:00:00+08:00")) == deadline.end)
        // Issued late on Sep 30 Beijing time (still Sep 30): same deadline.
        #expect(try calendar.deadline(issuedAt: beijingInstant("2025-09-30T15:59:59Z")) == deadline.end)
    }

    @Test func onTimeIsStrictlyBeforeTheExclusiveEnd() throws {
        let issued = beijingInstant("2025-09-30T10:00:00+08:00")
        let deadline = try calendar.rectificationDeadline(issuedAt: issued)
        #expect(deadline.isOnTime(submittedAt: beijingInstant("2025-10-14T23:59:59.999+08:00")))
        #expect(deadline.isOnTime(submittedAt: beijingInstant("2025-10-14T23:59:59.999999+08:00")))
        #expect(!deadline.isOnTime(submittedAt: beijingInstant("2025-10-15T00:00:00+08:00")))
        #expect(!deadline.isOnTime(submittedAt: beijingInstant("2025-10-15T00:00:00.001+08:00")))
        #expect(WorkdayCalendar.isOnTime(submittedAt: beijingInstant("2025-10-14T15:59:59Z"), deadline: deadline.end))
        #expect(!WorkdayCalendar.isOnTime(submittedAt: beijingInstant("2025-10-14T16:00:00Z"), deadline: deadline.end))
        #expect(deadline.isWithinRectificationPeriod(submittedAt: beijingInstant("2025-10-02T09:00:00+08:00")))
        #expect(!deadline.isWithinRectificationPeriod(submittedAt: issued))
        #expect(!deadline.isWithinRectificationPeriod(submittedAt: beijingInstant("2025-09-30T09:59:59+08:00")))
    }

    /// Issued during the holiday (Fri 2025-10-03): counting starts after the issue day all the same.
    @Test func issuedOnAHoliday() throws {
        let deadline = try calendar.rectificationDeadline(issuedAt: beijingInstant("2025-10-03T11:00:00+08:00"))
        #expect(deadline.lastWorkingDay == civilDate("2025-10-14"))
        // Issued 00:30 Beijing on Oct 1 = 16:30 UTC on Sep 30.
        #expect(try calendar.rectificationDeadline(issuedAt: beijingInstant("2025-09-30T16:30:00Z")).issueDay == civilDate("2025-10-01"))
    }

    /// Issued on a make-up Saturday: day 1 is the next working day after it.
    @Test func issuedOnAMakeUpSaturday() throws {
        // Sat 2025-10-11 (worked) → Mon 13 … Fri 17.
        let october = try calendar.rectificationDeadline(issuedAt: beijingInstant("2025-10-11T09:00:00+08:00"))
        #expect(october.workingDays == ["2025-10-13", "2025-10-14", "2025-10-15", "2025-10-16", "2025-10-17"].map { civilDate($0) })
        #expect(october.end == beijingInstant("2025-10-18T00:00:00+08:00"))
        // Sat 2026-02-14 (worked) → Feb 15–23 Spring Festival → 24, 25, 26, 27 and make-up Sat 28.
        let spring = try calendar.rectificationDeadline(issuedAt: beijingInstant("2026-02-14T17:00:00+08:00"))
        #expect(spring.lastWorkingDay == civilDate("2026-02-28"))
        #expect(spring.end == beijingInstant("2026-03-01T00:00:00+08:00"))
    }

    @Test func deadlineIntoAnUnknownYear() throws {
        #expect(throws: WorkdayCalendarError.self) {
            try calendar.rectificationDeadline(issuedAt: beijingInstant("2026-12-28T10:00:00+08:00"))
        }
        let assumed = try calendar.assumingOrdinaryWeekends().rectificationDeadline(issuedAt: beijingInstant("2026-12-28T10:00:00+08:00"))
        #expect(assumed.lastWorkingDay == civilDate("2027-01-04"))
        #expect(assumed.usedOrdinaryWeekendAssumption && assumed.assumedYears == [2027])
        #expect(assumed.description.contains("ASSUMED"))
    }

    /// The window serving 2026Q3 is in October 2026, the month after it (docs/rules.md *The window*,
    /// revised 2026-12): Oct 1–7 National Day, Sat Oct 10 worked.
    @Test func window2026Q3IsInOctober() throws {
        let q = try Quarter.parse("2026Q3")
        let working = try calendar.reconciliationWindow(q)
        #expect(working.policy == .firstFiveWorkingDays)
        #expect(working.countedDays == ["2026-10-08", "2026-10-09", "2026-10-10", "2026-10-12", "2026-10-13"].map { civilDate($0) })
        #expect(working.start == beijingInstant("2026-10-01T00:00:00+08:00"))
        #expect(working.end == beijingInstant("2026-10-14T00:00:00+08:00"))
        #expect(working.contains(beijingInstant("2026-10-03T12:00:00+08:00")))  // during the holiday, before the end
        #expect(working.contains(beijingInstant("2026-10-13T23:59:59.999+08:00")))
        #expect(!working.contains(beijingInstant("2026-10-14T00:00:00+08:00")))
        #expect(!working.contains(beijingInstant("2026-09-30T23:59:59+08:00")))

        let sevenDays = try calendar.reconciliationWindow(q, policy: .firstSevenCalendarDays)
        #expect(sevenDays.countedDays.first == civilDate("2026-10-01") && sevenDays.lastDay == civilDate("2026-10-07"))
        #expect(sevenDays.end == beijingInstant("2026-10-08T00:00:00+08:00"))
        #expect(!sevenDays.contains(beijingInstant("2026-10-08T09:00:00+08:00")))

        // The earlier attribution: the same October days serve 2026Q4 (its own first month).
        let q4 = try Quarter.parse("2026Q4")
        let own = try calendar.reconciliationWindow(q4, policy: .ownQuarterFirstFiveWorkingDays)
        #expect(own.countedDays == working.countedDays && own.start == working.start && own.end == working.end)
        #expect(try calendar.reconciliationWindow(q, policy: .ownQuarterFirstFiveWorkingDays).firstDay == civilDate("2026-07-01"))
        #expect(try calendar.reconciliationWindow(q4, policy: .ownQuarterFirstSevenCalendarDays).lastDay == civilDate("2026-10-07"))

        // Which quarter a date's window serves: October 2026 → 2026Q3 by default, 2026Q4 under
        // the earlier attribution; a date in August → 2026Q3 under the annex's earlier reading.
        #expect(ReconciliationWindowPolicy.firstFiveWorkingDays.servedQuarter(of: civilDate("2026-10-09")) == q)
        #expect(ReconciliationWindowPolicy.ownQuarterFirstFiveWorkingDays.servedQuarter(of: civilDate("2026-10-09")) == q4)
        #expect(ReconciliationWindowPolicy.annex2023SecondMonthFirstWeek.servedQuarter(of: civilDate("2026-08-03")) == q)
        #expect(ReconciliationWindowPolicy.firstFiveWorkingDays.servedQuarter(of: civilDate("2027-01-05")) == (try Quarter.parse("2026Q4")))

        // The annex's earlier reading for indicator 11: first week of the quarter's second month
        // (2026Q4 → November 2026; Nov 1 is a Sunday → Mon 2 … Fri 6).
        let annex = try calendar.reconciliationWindow(q4, policy: .annex2023SecondMonthFirstWeek)
        #expect(annex.firstDay == civilDate("2026-11-01"))
        #expect(annex.countedDays == ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"].map { civilDate($0) })
        #expect(annex.end == beijingInstant("2026-11-07T00:00:00+08:00"))
    }

    @Test func calendarDayWindowNeedsNoNotice() throws {
        // 2026Q4's window is in January 2027, whose notice is not built in.
        let window = try calendar.reconciliationWindow(Quarter.parse("2026Q4"), policy: .firstSevenCalendarDays)
        #expect(window.lastDay == civilDate("2027-01-07") && !window.usedOrdinaryWeekendAssumption)
        #expect(throws: WorkdayCalendarError.self) { try calendar.reconciliationWindow(Quarter.parse("2026Q4")) }
        // A window still to come is not computed for a date before it.
        #expect(try calendar.reconciliationWindow(Quarter.parse("2026Q4"), policy: .firstFiveWorkingDays, openedBy: civilDate("2026-12-31")) == nil)
    }

    @Test func policiesByName() throws {
        #expect(try ReconciliationWindowPolicy.named("first-5-working-days") == .firstFiveWorkingDays)
        #expect(try ReconciliationWindowPolicy.named("first-7-calendar-days") == .firstSevenCalendarDays)
        #expect(try ReconciliationWindowPolicy.named("annex-2023-second-month") == .annex2023SecondMonthFirstWeek)
        #expect(try ReconciliationWindowPolicy.named("own-quarter-first-5-working-days") == .ownQuarterFirstFiveWorkingDays)
        #expect(try ReconciliationWindowPolicy.named("own-quarter-first-7-calendar-days") == .ownQuarterFirstSevenCalendarDays)
        #expect(throws: WorkdayCalendarError.self) { try ReconciliationWindowPolicy.named("first-week") }
    }

    /// 第八条: 10th working day of October 2026 (Oct 1–7 off, Sat 10 worked) → 8, 9, 10, 12, 13,
    /// 14, 15, 16, 19, 20. 第十一条, this project's reading: notice Oct 20, 21, 22, 23, 26.
    @Test func resultsDueAndPublicNoticeFor2026Q3() throws {
        let q = try Quarter.parse("2026Q3")
        #expect(try calendar.resultsDueDate(q).value == civilDate("2026-10-20"))
        #expect(try calendar.publicNoticePeriod(q).value
            == ["2026-10-20", "2026-10-21", "2026-10-22", "2026-10-23", "2026-10-26"].map { civilDate($0) })
        #expect(try calendar.publicNoticeEnd(q).value == civilDate("2026-10-26"))
        // 2025Q3 → 10th working day of Oct 2025 = Oct 21 (see the month test).
        #expect(try calendar.resultsDueDate(Quarter.parse("2025Q3")).value == civilDate("2025-10-21"))
    }

    /// docs/rules.md, "Draft scores": a draft made after the results date still gets 5 working days
    /// of notice; one made on time ends with the quarter's own notice.
    @Test func aLateDraftKeepsFiveWorkingDaysOfNotice() throws {
        let calendar = WorkdayCalendar.builtIn
        let q3 = try Quarter.parse("2026Q3")
        #expect(try calendar.publicNoticeEnd(q3, draftedOn: civilDate("2026-10-20")) == civilDate("2026-10-26"))
        #expect(try calendar.publicNoticeEnd(q3, draftedOn: civilDate("2026-10-19")) == civilDate("2026-10-26"))
        // Drafted Thu 2026-10-22: notice 22, 23, 26, 27, 28.
        #expect(try calendar.publicNoticeEnd(q3, draftedOn: civilDate("2026-10-22")) == civilDate("2026-10-28"))
        // Drafted on a Saturday: day 1 is the Monday.
        #expect(try calendar.publicNoticeEnd(startingOn: civilDate("2026-10-24")).value == civilDate("2026-10-30"))
    }
}
