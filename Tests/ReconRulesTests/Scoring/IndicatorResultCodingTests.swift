import Foundation
import Testing
@testable import ReconRules

@Suite("IndicatorResult coding")
struct IndicatorResultCodingTests {
    @Test("JSON holds the exact rate and the two-decimal score, and reads back")
    func roundTrip() throws {
        let result = try RectificationRateRule.result(rectifiedItems: 975, listItems: 1000)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(result), as: UTF8.self)
        #expect(text == #"{"denominator":1000,"indicator":11,"numerator":975,"policy":"jtys-2022-1599","#
            + #""rate":"39/40","reason":"对账整改率 97.50%（975/1000）","reasonCode":"rate","score":"4.63"}"#)
        #expect(try JSONDecoder().decode(IndicatorResult.self, from: Data(text.utf8)) == result)
    }

    @Test("a missed window has no counts and no rate")
    func windowMissed() throws {
        let result = RectificationRateRule.windowMissed(policy: .workplan2023)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(result), as: UTF8.self)
        #expect(!text.contains("numerator") && !text.contains("\"rate\""))
        #expect(text.contains(#""reasonCode":"window-missed""#) && text.contains(#""score":"0.00""#))
        #expect(try JSONDecoder().decode(IndicatorResult.self, from: Data(text.utf8)) == result)
    }

    @Test("reason codes are stable strings")
    func reasonCodes() {
        #expect(ScoreReason.allCases.map(\.rawValue)
            == ["rate", "window-missed", "no-differences", "no-records", "no-business-data", "list-missing", "corrected"])
    }
}
