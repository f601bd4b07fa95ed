import Testing
@testable import ReconKit
@testable import ReconRules

/// issue 18's checksum read, without a database: the levels, the bucket lines and the statements.
@Suite("Checksum read plan")
struct ChecksumPlanTests {
    @Test("levels: powers of two, ×fanOut apart, the last about rows/rowsPerBucket, the first ≤ firstLevelBuckets")
    func levels() {
        let options = ChecksumOptions()
        #expect(options.levels(rows: 0) == [1])
        #expect(options.levels(rows: 16) == [1])
        #expect(options.levels(rows: 17) == [2])
        #expect(options.levels(rows: 1_000_000) == [65_536])
        #expect(options.levels(rows: 10_000_000) == [16_384, 1_048_576])
        #expect(options.levels(rows: 100_000_000) == [2048, 131_072, 8_388_608])
        #expect(options.levels(rows: Int.max).last == 1 << 28)
        var small = ChecksumOptions()
        small.rowsPerBucket = 2; small.fanOut = 4; small.firstLevelBuckets = 4
        #expect(small.levels(rows: 400) == [4, 16, 64, 256])
    }

    @Test("a bucket line parses; only equal buckets without duplicate or empty keys are skipped")
    func summaries() throws {
        let line = Array("17\t3\t3\t0\t18446744073709551615".utf8)
        let summary = try line.withUnsafeBytes { try BucketSummary(line: $0, side: .ministry) }
        #expect(summary == BucketSummary(bucket: 17, keys: 3, rows: 3, hasEmptyKey: false, hash: .max))
        #expect(BucketSummary.skippable(summary, summary))
        var other = summary; other.hash = 1
        #expect(!BucketSummary.skippable(summary, other))
        var duplicated = summary; duplicated.rows = 4
        #expect(!BucketSummary.skippable(duplicated, duplicated))
        var empty = summary; empty.hasEmptyKey = true
        #expect(!BucketSummary.skippable(empty, empty))
        let bad = Array("17\tx".utf8)
        let error = try #require(throws: DiffError.self) { try bad.withUnsafeBytes { try BucketSummary(line: $0, side: .province) } }
        #expect(error == .readFailed(side: .province, message: "unreadable checksum line: 17\tx"), "the side that sent it is named")
    }

    @Test("statements: both sides bucket the same normalised key text; a restriction reaches every read")
    func statements() throws {
        let query = try DiffQuery(.vehicles)
        let m = try BucketChecksumSQL.statement(query, side: .ministry, provinceCode: "410000", modulus: 64, within: nil)
        let p = try BucketChecksumSQL.statement(query, side: .province, provinceCode: "410000", modulus: 4096,
                                                within: BucketRestriction(modulus: 64, buckets: [3, 9]))
        #expect(m.contains("% 64)") && m.contains("ORDER BY b") && m.contains("'410000'"))
        #expect(p.contains("% 4096)") && p.contains("% 64) = ANY('{3,9}'::int[])"))
        let restricted = try query.restricted(to: BucketRestriction(modulus: 256, buckets: [1, 2]))
        for side in [DiffSide.ministry, .province] {
            #expect(try restricted.copy(side, provinceCode: "410000").contains("% 256) = ANY('{1,2}'::int[])"))
            #expect(try restricted.rawCopy(side, provinceCode: "410000", integerColumns: [false, false]).contains("= ANY('{1,2}'::int[])"))
            #expect(try !query.copy(side, provinceCode: "410000").contains("ANY("))
        }
        #expect(restricted != query)
    }
}
