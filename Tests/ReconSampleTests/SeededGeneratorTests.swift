import Testing
@testable import ReconSample
@testable import ReconRules

@Suite("SeededGenerator")
struct SeededGeneratorTests {
    /// Outputs of the reference C code of xoshiro256** (prng.di.unimi.it) seeded by four SplitMix64
    /// steps, compiled and run outside this project.
    static let reference: [(UInt64, [UInt64])] = [
        (0, [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0, 0x6AA5_94F1_262D_2D2C]),
        (42, [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1, 0xECB8_AD47_03B3_60A1]),
        (UInt64.max, [0x8F55_20D5_2A7E_AD08, 0xC476_A018_CAA1_802D, 0x81DE_31C0_D260_469E, 0xBF65_8D7E_065F_3C2F]),
    ]

    @Test(arguments: reference)
    func matchesReferenceImplementation(seed: UInt64, expected: [UInt64]) {
        var generator = SeededGenerator(seed: seed)
        #expect((0..<4).map { _ in generator.next() } == expected)
    }

    @Test func splitMix64MatchesPublishedFirstValue() {
        var state: UInt64 = 0
        #expect(SeededGenerator.splitMix64(&state) == 0xE220_A839_7B1D_CDAF)
    }

    @Test func sameSeedSameSequenceDifferentSeedDifferentSequence() {
        var a = SeededGenerator(seed: 2024)
        var b = SeededGenerator(seed: 2024)
        var c = SeededGenerator(seed: 2025)
        let first = (0..<1000).map { _ in a.next() }
        #expect(first == (0..<1000).map { _ in b.next() })
        #expect(first != (0..<1000).map { _ in c.next() })
    }

    @Test func generatedIdentifiersAreDeterministic() {
        func sample(_ seed: UInt64) -> [String] {
            var rng = SeededGenerator(seed: seed)
            return [
                ResidentID.random(using: &rng).value, SocialCreditCode.random(using: &rng).value,
                VIN.random(using: &rng).value, PlateNumber.random(using: &rng).value,
                PermitNumber.random(using: &rng).value,
            ]
        }
        #expect(sample(7) == sample(7))
        #expect(sample(7) != sample(8))
    }

    @Test func boundedIndexStaysInRangeAndCoversIt() {
        var rng = SeededGenerator(seed: 1)
        var seen = Set<Int>()
        for _ in 0..<2000 {
            let value = IdentifierRandom.index(below: 7, using: &rng)
            #expect((0..<7).contains(value))
            seen.insert(value)
        }
        #expect(seen.count == 7)
        #expect(IdentifierRandom.index(below: 1, using: &rng) == 0)
    }
}
