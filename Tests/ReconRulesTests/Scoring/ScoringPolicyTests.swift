import Testing
@testable import ReconRules

@Suite("ScoringPolicy")
struct ScoringPolicyTests {
    @Test("the default is the 2022 text, first 5 working days of the month after the quarter for both windows")
    func defaultPolicy() throws {
        #expect(ScoringPolicy.default.name == "jtys-2022-1599")
        #expect(try ScoringPolicy.named("jtys-2022-1599") == .default)
        #expect(ScoringPolicy.default.reconciliationWindow == .firstFiveWorkingDays)
        #expect(ScoringPolicy.default.rectificationWindow == .firstFiveWorkingDays)
        #expect(ScoringPolicy.default.reconciliationWindow.monthOffset == 3)
        #expect(ScoringPolicy.all.first == .default)
    }

    @Test("the earlier attribution is a named policy: the quarter's own first week")
    func ownQuarter() throws {
        let policy = try ScoringPolicy.named("jtys-2022-1599-own-quarter")
        #expect(policy == .jtys2022OwnQuarter)
        #expect(policy.reconciliationWindow == .ownQuarterFirstFiveWorkingDays && policy.rectificationWindow == .ownQuarterFirstFiveWorkingDays)
        #expect(policy.recordCounting == ScoringPolicy.default.recordCounting && policy.rectificationCredit == ScoringPolicy.default.rectificationCredit)
        let calendarWeek = try ScoringPolicy.named("jtys-2022-1599-calendar-week-own-quarter")
        #expect(calendarWeek.reconciliationWindow == .ownQuarterFirstSevenCalendarDays)
        #expect(try ScoringPolicy.named("jtys-2022-1599-keys-own-quarter").recordCounting == .keys)
        #expect(try ScoringPolicy.named("jtys-2022-1599-any-upload-own-quarter").rectificationCredit == .anyUpload)
        // No variant of a variant, and none of workplan-2023 (its earlier reading has its own name).
        #expect(policy.ownQuarterVariant == nil && ScoringPolicy.workplan2023.ownQuarterVariant == nil)
        #expect(throws: ScoringError.self) { try ScoringPolicy.named("workplan-2023-own-quarter") }
    }

    @Test("workplan-2023: the annex's 次月 read as 第八条's — the default's windows")
    func workplan2023() throws {
        let policy = try ScoringPolicy.named("workplan-2023")
        #expect(policy.reconciliationWindow == .firstFiveWorkingDays)
        #expect(policy.rectificationWindow == .firstFiveWorkingDays)
        #expect(policy.window(for: .rectificationRate) == .firstFiveWorkingDays)
        #expect(policy.window(for: .aggregationRate) == nil)
    }

    @Test("workplan-2023-second-month: the annex's earlier reading — 11 in the quarter's second month")
    func workplan2023SecondMonth() throws {
        let policy = try ScoringPolicy.named("workplan-2023-second-month")
        #expect(policy.reconciliationWindow == .ownQuarterFirstFiveWorkingDays)
        #expect(policy.rectificationWindow.monthOffset == 1)
        #expect(policy.rectificationWindow == .annex2023SecondMonthFirstWeek)
        #expect(policy.window(for: .differenceRate) == .ownQuarterFirstFiveWorkingDays)
        #expect(policy.window(for: .rectificationRate) == .annex2023SecondMonthFirstWeek)
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
            name: "jtys-2021", known: ["jtys-2022-1599", "workplan-2023", "jtys-2022-1599-calendar-week", "jtys-2022-1599-keys", "jtys-2022-1599-any-upload",
                                       "jtys-2022-1599-own-quarter", "jtys-2022-1599-calendar-week-own-quarter", "jtys-2022-1599-keys-own-quarter",
                                       "jtys-2022-1599-any-upload-own-quarter", "workplan-2023-second-month"])) {
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
