import Testing
@testable import ReconKit
@testable import ReconRules

@Suite("recon due planning")
struct DuePlannerTests {
    func plan(_ date: String, policy: ScoringPolicy = .default) throws -> DuePlan {
        try DuePlanner.plan(date: try CivilDate.parse(date), calendar: .builtIn, policy: policy)
    }

    @Test func firstWorkingDayOfQ4AfterNationalDay() throws {
        // 2026-10-08 (Thu) is the first working day after the National Day holiday.
        let plan = try plan("2026-10-08")
        #expect(plan.isWorkingDay)
        let q4 = try Quarter.parse("2026Q4")
        #expect(plan.steps.first == .reconcile(quarter: q4, windowFirstDay: try CivilDate.parse("2026-10-01"),
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

    @Test func annexPolicyAddsTheSecondMonthWindow() throws {
        let plan = try plan("2026-08-03", policy: .workplan2023)
        #expect(plan.steps.contains { if case .reconcile = $0 { return true } else { return false } })
        let defaultPlan = try self.plan("2026-08-03")
        #expect(!defaultPlan.steps.contains { if case .reconcile = $0 { return true } else { return false } })
    }
}
