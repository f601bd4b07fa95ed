import Testing
@testable import ReconRules

@Suite("VIN (ISO 3779)")
struct VINTests {
    static let knownGood = "1M8GDM9AXKP042788"

    @Test(arguments: [knownGood, "11111111111111111"])
    func knownGoodValidates(vin: String) throws {
        // "11111111111111111": every weight times 1 sums to 89, 89 mod 11 = 1.
        #expect(VIN.isValid(vin))
        #expect(try VIN(vin).value == vin)
    }

    @Test func checkDigitTenIsWrittenX() {
        #expect(VIN.checkDigit(for: Self.knownGood) == "X")
    }

    @Test func withCheckDigitFillsPosition9() throws {
        #expect(try VIN.withCheckDigit("1M8GDM9A0KP042788").value == Self.knownGood)
    }

    @Test func singleCharacterChangesWithADifferentValueAreRejected() {
        let characters = Array(Self.knownGood)
        let alphabet = Array("0123456789ABCDEFGHJKLMNPRSTUVWXYZ")
        for position in characters.indices {
            for replacement in alphabet where replacement != characters[position] {
                var changed = characters
                changed[position] = replacement
                let value = { (c: Character) in VIN.transliteration[Int(c.asciiValue!)] }
                // Letters sharing a transliterated value (A/J/1) cannot be told apart by the check.
                if position != 8, value(replacement) == value(characters[position]) { continue }
                #expect(!VIN.isValid(String(changed)), "\(String(changed))")
            }
        }
    }

    @Test func lettersWithTheSameValueAreNotCaughtByTheCheck() {
        // A → 1 and J → 1: swapping them keeps the check digit (a limit of ISO 3779, not a bug).
        #expect(VIN.isValid("11111111111111111".replacingFirst(with: "A")))
        #expect(VIN.isValid("11111111111111111".replacingFirst(with: "J")))
    }

    @Test(arguments: ["I", "O", "Q"])
    func forbiddenLettersAreRejected(letter: String) {
        var characters = Array(Self.knownGood)
        characters[11] = Character(letter)
        let vin = String(characters)
        #expect(throws: IdentifierError(.vin, value: vin,
                                        reason: .invalidCharacter(Character(letter), position: 12, expected: "0-9 or A-Z without I O Q"))) {
            try VIN(vin)
        }
    }

    @Test(arguments: ["1M8GDM9AXKP04278", "1M8GDM9AXKP0427880", "1m8gdm9axkp042788"])
    func wrongLengthOrCaseIsRejected(vin: String) {
        #expect(!VIN.isValid(vin))
    }

    @Test func wrongCheckDigitIsReported() {
        #expect(throws: IdentifierError(.vin, value: "1M8GDM9A1KP042788",
                                        reason: .wrongCheckCharacter(found: "1", expected: "X", position: 9))) {
            try VIN("1M8GDM9A1KP042788")
        }
    }
}

extension String {
    /// `self` with its first character replaced by `first`.
    fileprivate func replacingFirst(with first: Character) -> String { String(first) + dropFirst() }
}
