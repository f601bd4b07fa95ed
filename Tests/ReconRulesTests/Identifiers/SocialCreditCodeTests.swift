import Testing
@testable import ReconRules

@Suite("SocialCreditCode (GB 32100-2015)")
struct SocialCreditCodeTests {
    static let knownGood = "91110000600037341L"

    @Test func knownGoodValidates() throws {
        #expect(SocialCreditCode.isValid(Self.knownGood))
        #expect(try SocialCreditCode.withCheckCharacter("91110000600037341").value == Self.knownGood)
    }

    @Test func weightsAndAlphabetMatchTheReference() {
        // docs/identifiers.md lists the weights and the values A=10 … Y=30.
        #expect(SocialCreditCode.weights == [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])
        #expect(String(decoding: SocialCreditCode.alphabet, as: UTF8.self) == "0123456789ABCDEFGHJKLMNPQRTUWXY")
    }

    @Test func everySingleCharacterChangeIsRejected() {
        let characters = Array(Self.knownGood)
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        for position in characters.indices {
            for replacement in alphabet where replacement != characters[position] {
                var changed = characters
                changed[position] = replacement
                #expect(!SocialCreditCode.isValid(String(changed)), "\(String(changed))")
            }
        }
    }

    @Test func wrongCheckCharacterIsReported() {
        #expect(throws: IdentifierError(.socialCreditCode, value: "91110000600037341M",
                                        reason: .wrongCheckCharacter(found: "M", expected: "L", position: 18))) {
            try SocialCreditCode("91110000600037341M")
        }
    }

    @Test(arguments: ["I", "O", "S", "V", "Z", "i", "l", "中", "-"])
    func forbiddenLettersAreRejected(letter: String) {
        var characters = Array(Self.knownGood)
        characters[9] = Character(letter)
        let code = String(characters)
        #expect(throws: IdentifierError(.socialCreditCode, value: code,
                                        reason: .invalidCharacter(Character(letter), position: 10, expected: "0-9 or A-Z without I O S V Z"))) {
            try SocialCreditCode(code)
        }
    }

    @Test(arguments: ["91110000600037341", "91110000600037341L0", ""])
    func wrongLengthIsRejected(code: String) {
        #expect(!SocialCreditCode.isValid(code))
    }

    @Test func firstCharacterMayBeALetter() throws {
        let code = try SocialCreditCode.withCheckCharacter("Y1110000600037341")
        #expect(SocialCreditCode.isValid(code.value))
    }
}
