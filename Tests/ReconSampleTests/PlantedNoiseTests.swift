import Testing
@testable import ReconSample
@testable import ReconKit
@testable import ReconRules

/// Each kind of noise is removed by the normalisers it requires, and is a real difference without
/// them; kinds go only to fields whose normalisers remove them.
@Suite("Planted noise")
struct PlantedNoiseTests {
    /// A canonical value each kind changes.
    static func sample(_ kind: PlantedNoise) -> String? {
        switch kind {
        case .fullWidth: "豫A12345 (x)"
        case .surroundingSpaces: "郑州市顺达物流有限公司"
        case .doubledSpaces: "河南省郑州市 人民路1号"
        case .lowerCase: "41010519491231002X"
        case .compactDate, .dateWithTime, .looseDate: "2024-02-09"
        case .decimalScale: "4500"
        case .emptyForNull, .placeholderForNull, .zeroForNull: nil
        case .parentheses: "货物专用运输（集装箱）"
        }
    }

    @Test(arguments: PlantedNoise.allCases)
    func removedByItsNormalisersOnly(kind: PlantedNoise) {
        let canonical = Self.sample(kind)
        let bytes = canonical.map { Array($0.utf8)[...] }
        #expect(kind.applies(to: bytes))
        var rng = SeededGenerator(seed: 99)
        var out: [UInt8] = []
        var seen = Set<String>()
        for _ in 0..<40 {
            kind.spell(bytes, into: &out, &rng)
            let noisy = String(decoding: out, as: UTF8.self)
            seen.insert(noisy)
            let required = kind == .parentheses ? [FieldNormaliser.parentheses] : Array(kind.requiredNormalisers)
            #expect(NormaliserPipeline(required).equal(canonical, noisy), "\(kind): \(noisy) vs \(canonical ?? "NULL")")
            #expect(!NormaliserPipeline.identity.equal(canonical, noisy), "\(kind): \(noisy) is no different")
        }
        #expect(!seen.isEmpty)
    }

    @Test func kindsFollowTheFieldNormalisers() {
        let text = PlantedNoise.kinds(for: FieldSpec.textNormalisers)
        #expect(!text.contains(.lowerCase), "text fields have no upper step")
        #expect(text.contains(.doubledSpaces) && text.contains(.parentheses) && text.contains(.fullWidth))
        let identifier = PlantedNoise.kinds(for: FieldSpec.identifierNormalisers)
        #expect(identifier.contains(.lowerCase) && identifier.contains(.surroundingSpaces))
        #expect(!identifier.contains(.doubledSpaces) && !identifier.contains(.compactDate) && !identifier.contains(.decimalScale))
        let date = PlantedNoise.kinds(for: FieldSpec.dateNormalisers)
        #expect(date.contains(.compactDate) && date.contains(.dateWithTime) && !date.contains(.lowerCase))
        #expect(date.contains(.zeroForNull) == FieldSpec.dateNormalisers.contains(.zeroAsNull))
        let number = PlantedNoise.kinds(for: FieldSpec.numberNormalisers)
        #expect(number.contains(.decimalScale) && !number.contains(.zeroForNull) && !number.contains(.compactDate))
        #expect(PlantedNoise.kinds(for: []).isEmpty)
    }

    @Test func shapesLimitTheKinds() {
        #expect(!PlantedNoise.lowerCase.applies(to: Array("410105199001011234".utf8)[...]))
        #expect(!PlantedNoise.doubledSpaces.applies(to: Array("郑州市".utf8)[...]))
        #expect(!PlantedNoise.compactDate.applies(to: Array("20240209".utf8)[...]))
        #expect(!PlantedNoise.decimalScale.applies(to: Array("4.5".utf8)[...]))
        #expect(!PlantedNoise.emptyForNull.applies(to: Array("x".utf8)[...]))
        #expect(PlantedNoise.emptyForNull.applies(to: nil))
        #expect(!PlantedNoise.fullWidth.applies(to: nil))
    }
}
