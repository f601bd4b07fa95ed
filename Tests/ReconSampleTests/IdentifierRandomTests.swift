import Testing
@testable import ReconSample
@testable import ReconRules

/// The sampler's random identifiers (ReconSample's `*+Random.swift`) always pass the validators.
@Suite("Random identifiers validate")
struct IdentifierRandomTests {
    @Test func randomPermitNumbersValidate() throws {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<500 {
            #expect(PermitNumber.isValid(PermitNumber.random(using: &rng).value))
        }
        #expect(PermitNumber.random(region: "410102", using: &rng).regionCode == "410102")
    }

    @Test(arguments: PlateNumber.Shape.allCases)
    func randomPlatesValidate(shape: PlateNumber.Shape) {
        var rng = SeededGenerator(seed: 99)
        for _ in 0..<300 {
            let plate = PlateNumber.random(shape: shape, using: &rng)
            #expect(PlateNumber.isValid(plate.value))
            #expect(try! PlateNumber(plate.value).shape == shape)
        }
        let henan = ProvinceCode.named("河南")!
        #expect(PlateNumber.random(shape: shape, province: henan, using: &rng).value.first == "豫")
    }

    @Test(arguments: 0..<50)
    func randomResidentIDsValidate(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<20 {
            let id = ResidentID.random(using: &rng)
            #expect(ResidentID.isValid(id.value))
            #expect((1960...2003).contains(id.birthDate.year))
            #expect(ProvinceCode.containing(regionCode: id.regionCode) != nil)
        }
    }

    @Test(arguments: 0..<50)
    func randomCodesValidate(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<20 {
            let code = SocialCreditCode.random(using: &rng)
            #expect(SocialCreditCode.isValid(code.value))
            #expect(code.value.first == "9")
        }
    }

    @Test func organisationCheckReproducesTheKnownGoodCode() {
        // 600037341: body 60003734, check 1.
        #expect(SocialCreditCode.organisationCheckCharacter(Array("60003734".utf8)) == UInt8(ascii: "1"))
    }

    @Test(arguments: 0..<50)
    func randomVINsValidate(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<20 {
            let vin = VIN.random(using: &rng)
            #expect(VIN.isValid(vin.value))
            #expect(vin.value.first == "L")
            #expect(!vin.value.contains { "IOQ".contains($0) })
        }
        #expect(VIN.random(wmi: "LFV", using: &rng).value.hasPrefix("LFV"))
    }
}
