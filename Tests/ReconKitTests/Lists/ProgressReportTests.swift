import Foundation
import Testing
@testable import ReconKit
@testable import ReconRules

@Suite("Progress rendering")
struct ProgressReportTests {
    let rows = [
        ListProgress(provinceCode: "410000", provinceName: "河南省", quarter: Quarter(validYear: 2025, number: 3), listID: 7,
                     official: true, issuedAt: listInstant("2025-09-30T10:00:00+08:00"),
                     deadline: listInstant("2025-10-15T00:00:00+08:00"), items: 1000, onTime: 985, late: 5,
                     outstanding: 10, resolved: 900, workingDaysLeft: 0),
        ListProgress(provinceCode: "650000", provinceName: "新疆维吾尔自治区", quarter: Quarter(validYear: 2025, number: 3),
                     listID: 12, official: false, issuedAt: listInstant("2025-10-09T10:00:00+08:00"),
                     deadline: listInstant("2025-10-17T00:00:00+08:00"), items: 0, onTime: 0, late: 0, outstanding: 0,
                     resolved: 0, workingDaysLeft: 3),
    ]
    let now = listInstant("2025-10-15T08:00:00+08:00")

    /// Every line's columns start at the same display column (Chinese counts two).
    @Test func tableAlignsChinese() {
        let lines = ProgressReport(rows: rows, now: now).table().split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("省份代码  省份"))
        // The column after the province name starts at the same display column on every row.
        let starts = [lines[0], lines[2], lines[3]].map { line -> Int in
            let quarterStart = line.range(of: line == lines[0] ? "季度" : "2025Q3")!.lowerBound
            return DisplayWidth.of(String(line[..<quarterStart]))
        }
        #expect(Set(starts).count == 1)
        #expect(lines[2].contains("98.50%"))
        #expect(lines[2].contains("2025-10-14 23:59:59"))
        #expect(lines[3].contains("无差异"))
    }

    @Test func csvAndJSON() throws {
        let report = ProgressReport(rows: rows, now: now)
        let csv = try CSVReader.parse(report.csv())
        #expect(csv.count == 3)
        #expect(csv[0].map { $0 ?? "" } == ProgressReport.headers)
        #expect(csv[1][11] == "98.50%")
        #expect(csv[1][9] == "10")  // overdue: past the deadline
        let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [[String: Any]]
        let first = try #require(json?.first)
        #expect(first["province_name"] as? String == "河南省")
        #expect((first["rate"] as? [String: Any])?["percent"] as? String == "98.50")
        #expect((first["rate"] as? [String: Any])?["numerator"] as? Int == 985)
        #expect(first["deadline"] as? String == "2025-10-14 23:59:59")
        #expect(first["deadline_end_exclusive"] as? String == "2025-10-15T00:00:00.000+08:00")
        #expect(json?.last?["rate"] is NSNull)
    }
}
