import Foundation
import Testing
@testable import ReconSample
@testable import ReconKit
@testable import ReconRules

/// Business records for indicator 12 (数据归集率), checked against their own rows.
@Suite("Sample business records")
struct SampleBusinessTests {
    @Test(arguments: ["410000", "110000"])
    func platformShareIsExact(province: String) throws {
        let generator = try SampleFixtures.generator(seed: 31, rows: 300)
        let rows = try generator.businessRows(province: province)
        let quarter = SampleFixtures.quarter
        // Quarter bounds in Beijing time, computed here independently.
        let start = Int64(BeijingTime.startOfDay(quarter.firstDay).timeIntervalSince1970)
        let end = Int64(BeijingTime.endOfDay(quarter.lastDay).timeIntervalSince1970)
        let inQuarter = rows.ministry.filter { start <= $0.timeSeconds && $0.timeSeconds < end }
        #expect(inQuarter.count == rows.summary.ministryInQuarter)
        #expect(inQuarter.count < rows.ministry.count, "some records lie outside the quarter")
        let onPlatform = Set(rows.platform.map(\.serial))
        let matched = Set(inQuarter.map(\.serial)).intersection(onPlatform).count
        #expect(matched == rows.summary.onPlatform)
        #expect(matched == inQuarter.count * 925 / 1000, "floor(92.5% of the quarter's records)")
        #expect(rows.platform.count == rows.summary.platformRows)
        #expect(Set(rows.ministry.map(\.serial)).count == rows.ministry.count, "serial numbers are unique at the ministry")
        #expect(rows.platform.count > onPlatform.count, "some platform duplicates")
        #expect(onPlatform.contains { !Set(rows.ministry.map(\.serial)).contains($0) }, "serials unknown to the ministry")
        for record in rows.ministry {
            #expect(record.serial.hasPrefix(province) && record.serial.count == 22)
            #expect(record.completedAtSeconds <= record.timeSeconds)
            #expect(record.channel == "online" || record.channel == "offline")
        }
    }
}
