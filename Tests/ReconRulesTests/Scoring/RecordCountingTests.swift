import Testing
@testable import ReconRules

/// docs/rules.md, "Indicator 10 对账差异率" (issue 25 case 7): a record is a row of the registry.
@Suite("Indicator 10 counts records, not keys")
struct RecordCountingTests {
    @Test func recordsPerDifference() {
        let each = RecordCounting.eachRecord
        #expect(each.records(category: .emptyKey, ministryRows: 0, provinceRows: 300) == 300)
        #expect(each.records(category: .emptyKey, ministryRows: 2, provinceRows: 3) == 5)
        #expect(each.records(category: .duplicateKey, ministryRows: 2, provinceRows: 3) == 3)
        #expect(each.records(category: .duplicateKey, ministryRows: 2, provinceRows: 0) == 2)
        #expect(each.records(category: .fieldMismatch, ministryRows: 1, provinceRows: 1) == 1)
        #expect(each.records(category: .ministryOnly, ministryRows: 1, provinceRows: 0) == 1)
        for category in DiffCategory.allCases {
            #expect(RecordCounting.keys.records(category: category, ministryRows: 7, provinceRows: 9) == 1)
        }
    }

    /// The example: 3,000 keys, 8 differing, and 300 province rows without a 经营许可证号 —
    /// 9 of 3,001 keys (0.30% → 5.00) but 308 of 3,300 records (9.33% → 0.50).
    @Test func threeHundredEmptyKeysWeighAsThreeHundred() throws {
        let extra = RecordCounting.eachRecord.records(category: .emptyKey, ministryRows: 0, provinceRows: 300) - 1
        let keys = try DifferenceRateRule.result(differingKeys: 9, totalKeys: 3_001, policy: .jtys2022Keys)
        #expect(keys.score.description == "5.00")
        let records = try DifferenceRateRule.result(differingKeys: 9 + extra, totalKeys: 3_001 + extra, policy: .default)
        #expect(records.numerator == 308 && records.denominator == 3_300)
        #expect(records.score.description == "0.50")
        #expect(ScoringPolicy.default.recordCounting == .eachRecord && ScoringPolicy.jtys2022Keys.recordCounting == .keys)
    }
}
