import Testing
@testable import ReconRules

@Suite("ScoringPolicy")
struct ScoringPolicyTests {
    @Test("the default is the 2022 text, first 5 working days for both windows")
    func defaultPolicy() throws {
        #expect(ScoringPolicy.default.name == "jtys-2022-1599")
        #expect(try ScoringPolicy.named("jtys-2022-1599") == .default)
        #expect(ScoringPolicy.default.reconciliationWindow == .firstFiveWorkingDays)
        #expect(ScoringPolicy.default.rectificationWindow == .firstFiveWorkingDays)
        #expect(ScoringPolicy.all.first == .default)
    }

    @Test("workplan-2023: indicator 11 in the first week of the quarter's second month")
    func workplan2023() throws {
        let policy = try ScoringPolicy.named("workplan-2023")
        #expect(policy.reconciliationWindow == .firstFiveWorkingDays)
        #expect(policy.rectificationWindow.monthOffset == 1)
        #expect(policy.rectificationWindow == .annex2023SecondMonthFirstWeek)
        #expect(policy.window(for: .differenceRate) == .firstFiveWorkingDays)
        #expect(policy.window(for: .rectificationRate) == .annex2023SecondMonthFirstWeek)
        #expect(policy.window(for: .aggregationRate) == nil)
    }

    @Test("the calendar-week alternative")
    func calendarWeek() throws {
        let policy = try ScoringPolicy.named("jtys-2022-1599-calendar-week")
        #expect(policy.reconciliationWindow == .firstSevenCalendarDays)
        #expect(policy.rectificationWindow == .firstSevenCalendarDays)
    }

    @Test("an unknown name lists the valid ones")
    func unknownName() {
        #expect(throws: ScoringError.unknownPolicy(
            name: "jtys-2021", known: ["jtys-2022-1599", "workplan-2023", "jtys-2022-1599-calendar-week", "jtys-2022-1599-keys", "jtys-2022-1599-any-upload"])) {
            try ScoringPolicy.named("jtys-2021")
        }
        let message = ScoringError.unknownPolicy(name: "x", known: ScoringPolicy.all.map(\.name)).description
        #expect(message.contains("'x'") && message.contains("jtys-2022-1599") && message.contains("workplan-2023"))
    }

    @Test("names are unique")
    func uniqueNames() {
        #expect(Set(ScoringPolicy.all.map(\.name)).count == ScoringPolicy.all.count)
    }

    @Test("the rate→score curves do not depend on the policy")
    func curvesShared() throws {
        for policy in ScoringPolicy.all {
            #expect(try RectificationRateRule.result(rectifiedItems: 975, listItems: 1000, policy: policy)
                .score.description == "4.63")
            #expect(try DifferenceRateRule.result(differingKeys: 201, totalKeys: 10000, policy: policy)
                .score.description == "4.00")
        }
    }
}
