import Testing
@testable import ReconRules

@Suite("ResidentID (GB 11643-1999)")
struct ResidentIDTests {
    static let knownGood = ["11010519491231002X", "360426199101010071"]

    @Test(arguments: knownGood)
    func knownGoodNumbersValidate(number: String) throws {
        #expect(ResidentID.isValid(number))
        #expect(try ResidentID(number).value == number)
        #expect(ResidentID.checkCharacter(forFirst17: number.prefix(17)) == number.last)
    }

    @Test func lowerCaseXIsTheSameNumber() throws {
        // docs/identifiers.md: "A lower-case `x` is the same number (normalise to upper case)."
        #expect(ResidentID.isValid("11010519491231002x"))
        #expect(try ResidentID("11010519491231002x").value == "11010519491231002X")
        #expect(ResidentID.normalised("11010519491231002x") == "11010519491231002X")
    }

    @Test func partsAreRead() throws {
        let id = try ResidentID("11010519491231002X")
        #expect(id.regionCode == "110105")
        #expect(id.birthDate == ResidentID.BirthDate(year: 1949, month: 12, day: 31))
        #expect(id.sequence == 2)
        #expect(!id.isMale)
        #expect(try ResidentID("360426199101010071").isMale)
    }

    @Test(arguments: knownGood)
    func everySingleCharacterChangeIsRejected(number: String) {
        let characters = Array(number)
        for position in characters.indices {
            for replacement in "0123456789X" where replacement != characters[position] {
                var changed = characters
                changed[position] = replacement
                #expect(!ResidentID.isValid(String(changed)), "\(String(changed)) should be invalid")
            }
        }
    }

    @Test func wrongCheckCharacterIsReported() {
        #expect(throws: IdentifierError(.residentID, value: "110105194912310021",
                                        reason: .wrongCheckCharacter(found: "1", expected: "X", position: 18))) {
            try ResidentID("110105194912310021")
        }
    }

    @Test(arguments: ["11010519491231002", "11010519491231002X1", "", "110105194912310"])
    func wrongLengthIsRejected(number: String) {
        #expect(throws: IdentifierError(.residentID, value: number,
                                        reason: .wrongLength(actual: number.count, expected: "18"))) {
            try ResidentID(number)
        }
    }

    @Test(arguments: ["1101051949123100XX", "A1010519491231002X", "11010519491231002Y", "１1010519491231002X"])
    func forbiddenCharactersAreRejected(number: String) {
        #expect(!ResidentID.isValid(number))
        do {
            _ = try ResidentID(number)
        } catch {
            guard case .invalidCharacter = error.reason else {
                Issue.record("expected invalidCharacter, got \(error)")
                return
            }
            #expect(error.description.contains(number))
        }
    }

    @Test(arguments: ["19490230", "19491301", "19490000", "18991231", "20230229"])
    func implausibleBirthDatesAreRejected(date: String) {
        let number = ReferenceChecks.residentID("110105" + date + "002")
        #expect(throws: IdentifierError(.residentID, value: number, reason: .implausibleBirthDate(date))) {
            try ResidentID(number)
        }
    }

    @Test func leapDayAndLatestBirthDate() throws {
        let leap = ReferenceChecks.residentID("110105" + "20000229" + "002")
        #expect(ResidentID.isValid(leap))
        let latest = ResidentID.BirthDate(year: 1999, month: 12, day: 31)!
        #expect(!ResidentID.isValid(leap, latestBirthDate: latest))
        #expect(ResidentID.isValid("11010519491231002X", latestBirthDate: latest))
    }

    @Test func makeReproducesKnownGoodNumbers() throws {
        // The known-good numbers taken apart by their documented layout.
        let first = try ResidentID.make(region: "110105", birthDate: .init(year: 1949, month: 12, day: 31)!, sequence: 2)
        #expect(first.value == "11010519491231002X")
        let second = try ResidentID.make(region: "360426", birthDate: .init(year: 1991, month: 1, day: 1)!, sequence: 7)
        #expect(second.value == "360426199101010071")
    }

    @Test func makeRejectsBadInputs() {
        let date = ResidentID.BirthDate(year: 1990, month: 1, day: 1)!
        #expect(throws: IdentifierError.self) { try ResidentID.make(region: "11010", birthDate: date, sequence: 1) }
        #expect(throws: IdentifierError.self) { try ResidentID.make(region: "110105", birthDate: date, sequence: 1000) }
        #expect(ResidentID.BirthDate(year: 2023, month: 2, day: 29) == nil)
    }
}
