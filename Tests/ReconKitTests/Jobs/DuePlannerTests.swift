import Testing
@testable import ReconKit
@testable import ReconRules

@Suite("recon due planning")
struct DuePlannerTests {
    func plan(_ date: String, policy: ScoringPolicy = .default, stored: [Quarter: ScoringPolicy] = [:]) throws -> DuePlan {
        try DuePlanner.plan(date: try CivilDate.parse(date), calendar: .builtIn, policy: policy, stored: stored)
    }

    /// The window serving 2026Q3 is the first week of October 2026, the month after it
    /// (docs/rules.md *The window*, revised 2026-12).
    @Test func firstWorkingDayOfOctoberReconcilesQ3() throws {
        // 2026-10-08 (Thu) is the first working day after the National Day holiday.
        let plan = try plan("2026-10-08")
        #expect(plan.isWorkingDay)
        let q3 = try Quarter.parse("2026Q3")
        #expect(plan.steps.first == .reconcile(quarter: q3, windowFirstDay: try CivilDate.parse("2026-10-01"),
                                               windowLastDay: try CivilDate.parse("2026-10-13")))
        #expect(plan.steps.contains(.track))
        // Q3's results are due on the 10th working day of October: 2026-10-20, not yet.
        #expect(!plan.steps.contains { if case .score = $0 { return true } else { return false } })
    }

    @Test func nationalDayHolidayStillReconcilesAndTracks() throws {
        // Provinces upload on days off too, and a vanished row is timed by the check: track daily.
        let plan = try plan("2026-10-03")
        #expect(!plan.isWorkingDay)
        // reconcile, track, the check of official runs, the files.
        #expect(plan.steps.count == 4)
        if case .reconcile = plan.steps[0] {} else { Issue.record("expected reconcile, got \(plan.steps)") }
        #expect(plan.steps[1] == .track)
        #expect(plan.steps.contains(.files(quarters: [try Quarter.parse("2026Q3"), try Quarter.parse("2026Q4")])))
    }

    @Test func tenthWorkingDayOfJanuaryScoresQ4() throws {
        // January 2026: 1–3 New Year holiday, 4 (Sun) make-up day; working days 4,5,6,7,8,9,12,13,14,15 → the 10th is 01-15.
        let plan = try plan("2026-01-15")
        #expect(plan.steps.contains(.score(quarter: try Quarter.parse("2025Q4"), due: try CivilDate.parse("2026-01-15"))))
        #expect(!plan.steps.contains { if case .reconcile = $0 { return true } else { return false } })
        let dayBefore = try self.plan("2026-01-14")
        #expect(!dayBefore.steps.contains { if case .score = $0 { return true } else { return false } })
    }

    @Test func ordinaryTuesdayOnlyTracks() throws {
        let plan = try plan("2026-11-17")
        #expect(plan.steps.contains(.track))
        #expect(!plan.steps.contains { if case .reconcile = $0 { return true } else { return false } })
        // From November, the missing 2027 notice is a warning.
        #expect(plan.warnings.count == 1)
        #expect(plan.warnings[0].contains("2027"))
    }

    /// The earlier attribution, as a named policy: the same October days serve 2026Q4.
    @Test func ownQuarterPolicyReconcilesQ4InOctober() throws {
        let plan = try plan("2026-10-08", policy: .jtys2022OwnQuarter)
        #expect(plan.steps.first == .reconcile(quarter: try Quarter.parse("2026Q4"), windowFirstDay: try CivilDate.parse("2026-10-01"),
                                               windowLastDay: try CivilDate.parse("2026-10-13")))
        // In July it is 2026Q3's window; under the default, July serves 2026Q2.
        #expect(try self.plan("2026-07-02", policy: .jtys2022OwnQuarter).steps.first
            == .reconcile(quarter: try Quarter.parse("2026Q3"), windowFirstDay: try CivilDate.parse("2026-07-01"), windowLastDay: try CivilDate.parse("2026-07-07")))
        #expect(try self.plan("2026-07-02").steps.first
            == .reconcile(quarter: try Quarter.parse("2026Q2"), windowFirstDay: try CivilDate.parse("2026-07-01"), windowLastDay: try CivilDate.parse("2026-07-07")))
    }

    /// A quarter stored under the earlier attribution keeps it: 2026Q3 (run in July) is not
    /// reconciled again in October, and 2026Q4 under the default waits for January 2027.
    @Test func storedPolicyKeepsTheQuarter() throws {
        let q3 = try Quarter.parse("2026Q3")
        let plan = try plan("2026-10-08", stored: [q3: .jtys2022OwnQuarter])
        #expect(!plan.steps.contains { if case .reconcile = $0 { return true } else { return false } })
        // Its window (July) is over: its official runs are checked.
        #expect(plan.steps.contains(.checkOfficialRuns(quarters: [q3])))
        // Under the default, 2026Q3's official runs are checked only once October's window is over.
        #expect(try self.plan("2026-10-08").steps.contains(.checkOfficialRuns(quarters: [])))
        #expect(try self.plan("2026-10-14").steps.contains(.checkOfficialRuns(quarters: [q3])))
    }

    @Test func annexSecondMonthPolicyAddsTheSecondMonthWindow() throws {
        let plan = try plan("2026-08-03", policy: .workplan2023SecondMonth)
        #expect(plan.steps.contains { if case .reconcile = $0 { return true } else { return false } })
        let defaultPlan = try self.plan("2026-08-03")
        #expect(!defaultPlan.steps.contains { if case .reconcile = $0 { return true } else { return false } })
        // workplan-2023 reads the annex's 次月 as 第八条's: its windows are the default's.
        #expect(try self.plan("2026-08-03", policy: .workplan2023) == defaultPlan)
    }
}
