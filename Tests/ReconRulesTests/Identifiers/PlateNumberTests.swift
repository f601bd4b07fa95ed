import Testing
@testable import ReconRules

@Suite("PlateNumber (GA 36-2018)")
struct PlateNumberTests {
    @Test(arguments: [
        ("京A12345", PlateNumber.Shape.ordinary), ("豫AB8K6Z", .ordinary), ("新Z9X8Y7", .ordinary),
        ("京AD12345", .newEnergySmall), ("粤BFA1234", .newEnergySmall), ("沪A12345D", .newEnergyLarge),
        ("苏E54321F", .newEnergyLarge), ("豫A1234挂", .trailer),
    ])
    func validPlatesHaveTheirShape(plate: String, shape: PlateNumber.Shape) throws {
        let parsed = try PlateNumber(plate)
        #expect(parsed.shape == shape)
        #expect(parsed.value == plate)
    }

    @Test(arguments: [
        "京AI2345",   // I not allowed
        "京AO2345",   // O not allowed
        "京A1234",    // too short
        "京A123456",  // 8 characters but neither new-energy shape
        "京A1234DF",  // large new-energy needs 5 digits
        "京A1234AD",  // large new-energy needs 5 digits
        "京AD1234I",  // small new-energy: I not allowed
        "港A12345",   // not a province abbreviation
        "京a12345",   // office letter must be upper case
        "京112345",   // office letter must be a letter
        "京A12345挂", // trailer has 4 characters
        "京A1234学",  // special plates are not accepted
        "京Ａ12345",  // full-width letter
        "",
    ])
    func invalidPlatesAreRejected(plate: String) {
        #expect(!PlateNumber.isValid(plate))
    }

    @Test func errorNamesThePositionAndValue() {
        #expect(throws: IdentifierError(.plateNumber, value: "京AI2345",
                                        reason: .invalidCharacter("I", position: 3, expected: "0-9 or A-Z without I O"))) {
            try PlateNumber("京AI2345")
        }
    }

    @Test func abbreviationsAreTheListedThirtyOne() {
        #expect(String(PlateNumber.provinceAbbreviations) == "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新")
    }

    @Test func provinceIsFoundFromTheAbbreviation() throws {
        #expect(try PlateNumber("豫A12345").province.code == "410000")
    }
}
