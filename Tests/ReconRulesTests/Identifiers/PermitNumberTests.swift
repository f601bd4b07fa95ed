import Testing
@testable import ReconRules

@Suite("PermitNumber (经营许可证号, 道路运输证号)")
struct PermitNumberTests {
    @Test(arguments: ["410100000123", "110105999999", "660100000001"])
    func validNumbers(number: String) throws {
        #expect(PermitNumber.isValid(number))
        #expect(try PermitNumber(number).value == number)
    }

    @Test func partsAreRead() throws {
        let number = try PermitNumber("410100000123")
        #expect(number.regionCode == "410100")
        #expect(number.sequence == 123)
    }

    @Test(arguments: [
        ("41010000012", "wrong length"), ("4101000001234", "wrong length"), ("41010000012A", "letter"),
        ("４10100000123", "full-width digit"), ("990100000123", "unknown province"), ("", "empty"),
    ])
    func invalidNumbers(number: String, why: String) {
        #expect(!PermitNumber.isValid(number), "\(why)")
    }

    @Test func unknownRegionIsReported() {
        #expect(throws: IdentifierError(.permitNumber, value: "990100000123", reason: .unknownRegion("990100"))) {
            try PermitNumber("990100000123")
        }
    }

    @Test func xpccPrefixFollowsTheConfiguredCode() {
        #expect(PermitNumber.isValid("660100000001"))
        #expect(!PermitNumber.isValid("660100000001", xpccCode: "670000"))
        #expect(PermitNumber.isValid("670100000001", xpccCode: "670000"))
    }

    @Test func make() throws {
        #expect(try PermitNumber.make(region: "410100", sequence: 42).value == "410100000042")
        #expect(throws: IdentifierError.self) { try PermitNumber.make(region: "410100", sequence: 1_000_000) }
        #expect(throws: IdentifierError.self) { try PermitNumber.make(region: "4101", sequence: 1) }
    }
}
