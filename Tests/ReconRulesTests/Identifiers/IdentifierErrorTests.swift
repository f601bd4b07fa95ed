import Testing
@testable import ReconRules

@Suite("IdentifierError messages")
struct IdentifierErrorTests {
    @Test func messageNamesKindValueAndProblem() {
        let error = IdentifierError(.residentID, value: "110105194912310021",
                                    reason: .wrongCheckCharacter(found: "1", expected: "X", position: 18))
        #expect(error.description == "居民身份证号码 \"110105194912310021\": check character at position 18 is '1', computed 'X'")
    }
}
