import Foundation
import Testing
@testable import ReconRules

@Suite("CivilDate, YearMonth, Quarter")
struct CivilDateTests {
    @Test(arguments: ["2025-10-14", "2024-02-29", "0001-01-01", "9999-12-31", "1970-01-01"])
    func parsesAndFormatsValidDates(text: String) throws {
        #expect(try CivilDate.parse(text).description == text)
    }

    @Test(arguments: [
        "2025-2-14", "2025-02-1", "25-02-14", "2025/02/14", "2025-02-14 ", " 2025-02-14", "2025-02-14T00:00",
        "2025-13-01", "2025-00-10", "2025-02-29", "2023-04-31", "2025-02-00", "0000-01-01", "２０２５-02-14",
        "+025-02-14", "",
    ])
    func refusesInvalidDates(text: String) {
        #expect(throws: DateParseError.self) { try CivilDate.parse(text) }
    }

    @Test func errorNamesTheInput() {
        do {
            _ = try CivilDate.parse("2025-02-30")
            Issue.record("2025-02-30 was accepted")
        } catch {
            #expect("\(error)".contains("2025-02-30"))
            #expect("\(error)".contains("1…28"))
        }
    }

    /// Day numbers and weekdays against Foundation's Gregorian calendar in UTC, 1900…2100.
    @Test func dayNumberAndWeekdayMatchFoundation() throws {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(secondsFromGMT: 0)!
        var instant = gregorian.date(from: DateComponents(year: 1900, month: 1, day: 1))!
        let end = gregorian.date(from: DateComponents(year: 2100, month: 12, day: 31))!
        var checked = 0
        while instant <= end {
            let parts = gregorian.dateComponents([.year, .month, .day, .weekday], from: instant)
            let date = try CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)
            let expectedDayNumber = Int((instant.timeIntervalSince1970 / 86_400).rounded())
            #expect(date.dayNumber == expectedDayNumber)
            #expect(CivilDate(dayNumber: expectedDayNumber) == date)
            // Foundation: 1 = Sunday … 7 = Saturday; ISO: Monday = 1 … Sunday = 7.
            #expect(date.weekday.rawValue == (parts.weekday! + 5) % 7 + 1)
            instant = instant.addingTimeInterval(86_400 * 7 + 86_400)  // every 8th day: all weekdays
            checked += 1
        }
        #expect(checked > 9000)
    }

    @Test func arithmetic() {
        #expect(civilDate("2025-12-31").adding(days: 1) == civilDate("2026-01-01"))
        #expect(civilDate("2024-02-28").next == civilDate("2024-02-29"))
        #expect(civilDate("2024-03-01").previous == civilDate("2024-02-29"))
        #expect(civilDate("2025-10-14").days(since: civilDate("2025-09-30")) == 14)
        #expect(civilDate("2025-09-30").weekday == .tuesday)
        #expect(civilDate("2026-02-14").weekday == .saturday)
        #expect(civilDate("2025-09-28").weekday == .sunday)
        #expect(Array(civilDate("2025-12-30")...civilDate("2026-01-02")).map(\.description)
            == ["2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02"])
        #expect(civilDate("2025-01-31") < civilDate("2025-02-01"))
    }

    @Test func codableAsString() throws {
        let data = try JSONEncoder().encode([civilDate("2025-10-14")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2025-10-14"]"#)
        #expect(try JSONDecoder().decode([CivilDate].self, from: data) == [civilDate("2025-10-14")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CivilDate].self, from: Data(#"["2025-02-30"]"#.utf8)) }
        let months = try JSONEncoder().encode([try YearMonth.parse("2025-10")])
        #expect(String(decoding: months, as: UTF8.self) == #"["2025-10"]"#)
        let quarters = try JSONEncoder().encode([try Quarter.parse("2026Q4")])
        #expect(String(decoding: quarters, as: UTF8.self) == #"["2026Q4"]"#)
        #expect(try JSONDecoder().decode([Quarter].self, from: quarters) == [try Quarter(year: 2026, number: 4)])
    }

    @Test func yearMonth() throws {
        let october = try YearMonth.parse("2025-10")
        #expect(october.firstDay == civilDate("2025-10-01"))
        #expect(october.lastDay == civilDate("2025-10-31"))
        #expect(try YearMonth.parse("2024-02").lastDay == civilDate("2024-02-29"))
        #expect(try YearMonth.parse("2025-12").next.description == "2026-01")
        #expect(try YearMonth.parse("2026-01").previous.description == "2025-12")
        #expect(october.quarter.description == "2025Q4")
        for bad in ["2025-13", "2025-1", "2025-00", "202510", "2025-10-01"] {
            #expect(throws: DateParseError.self) { try YearMonth.parse(bad) }
        }
    }

    @Test func quarter() throws {
        let q = try Quarter.parse("2026Q4")
        #expect(q.year == 2026 && q.number == 4)
        #expect(q.description == "2026Q4")
        #expect(q.firstDay == civilDate("2026-10-01"))
        #expect(q.lastDay == civilDate("2026-12-31"))
        #expect(q.next.description == "2027Q1")
        #expect(q.previous.description == "2026Q3")
        #expect(try Quarter.parse("2026Q1").previous.description == "2025Q4")
        #expect(q.monthAfter.description == "2027-01")
        #expect(try Quarter.parse("2025Q2").lastDay == civilDate("2025-06-30"))
        #expect(Quarter(containing: civilDate("2026-02-14")).description == "2026Q1")
        #expect(Quarter(containing: civilDate("2026-09-30")).description == "2026Q3")
        #expect(Quarter(containing: civilDate("2026-10-01")) == q)
        #expect(q.months.map(\.description) == ["2026-10", "2026-11", "2026-12"])
        #expect(try Quarter.parse("2026q4") == q)
        for bad in ["2026Q5", "2026Q0", "2026-Q4", "26Q4", "2026Q", "Q4 2026", "2026Q44"] {
            #expect(throws: DateParseError.self) { try Quarter.parse(bad) }
        }
    }
}
