/// A plate number (号牌号码, GA 36-2018) of one of the shapes operating vehicles carry.
///
/// docs/identifiers.md: "Ordinary: province abbreviation … + issuing-office letter + 5 characters from
/// `A–Z` (no `I O`) and digits. New-energy: 6 characters after the office letter — small vehicles
/// `D` or `F` then 5 characters, large vehicles 5 digits then `D` or `F`. Trailers and special
/// plates (挂, 学, 警 …) exist". Trailer plates (4 characters then `挂`) are accepted too, since
/// freight registries hold many; 学/警 and other special plates are not operating vehicles and are
/// rejected. The office letter is accepted as any `A–Z` (which letters each province uses is not
/// checked).
public struct PlateNumber: Sendable, Hashable, CustomStringConvertible {
    /// The plate's shape.
    public enum Shape: String, Sendable, Hashable, CaseIterable {
        /// 普通号牌: abbreviation + office letter + 5 characters, e.g. `豫A12345`.
        case ordinary
        /// 小型新能源: abbreviation + office letter + `D`/`F` + 5 characters, e.g. `京AD12345`.
        case newEnergySmall
        /// 大型新能源: abbreviation + office letter + 5 digits + `D`/`F`, e.g. `京A12345D`.
        case newEnergyLarge
        /// 挂车号牌: abbreviation + office letter + 4 characters + `挂`, e.g. `豫A1234挂`.
        case trailer
    }

    /// The plate number, e.g. `豫A12345`.
    public let value: String
    /// Its shape.
    public let shape: Shape

    /// The province abbreviations, as listed in docs/identifiers.md.
    public static let provinceAbbreviations: [Character] = ProvinceCode.provinces.compactMap(\.plateAbbreviation)

    /// The serial characters: digits and `A–Z` without `I O`.
    package static let serialAlphabet: [UInt8] = IdentifierASCII.digits + IdentifierASCII.upperLetters(excluding: "IO")
    /// The letters that mark a new-energy plate.
    package static let newEnergyLetters: [UInt8] = Array("DF".utf8)
    /// The trailer suffix.
    package static let trailerSuffix: Character = "挂"

    /// Validates `string` (exactly as given: no case folding or trimming).
    public init(_ string: String) throws(IdentifierError) {
        switch Self.parse(string) {
        case let .success(shape):
            value = string
            self.shape = shape
        case let .failure(error):
            throw error
        }
    }

    /// Whether `string` is a valid plate number of one of the accepted shapes.
    public static func isValid(_ string: String) -> Bool {
        if case .success = parse(string) { return true }
        return false
    }

    /// The province abbreviation (first character).
    public var provinceAbbreviation: Character { value.first! }
    /// The province the plate was issued in.
    public var province: ProvinceCode { ProvinceCode.withPlateAbbreviation(provinceAbbreviation)! }
    /// The plate number itself.
    public var description: String { value }

    /// The shape of `string`, or the first problem.
    static func parse(_ string: String) -> Result<Shape, IdentifierError> {
        func fail(_ reason: IdentifierError.Reason) -> Result<Shape, IdentifierError> {
            .failure(IdentifierError(.plateNumber, value: string, reason: reason))
        }
        let characters = Array(string)
        guard characters.count == 7 || characters.count == 8 else {
            return fail(.wrongLength(actual: characters.count, expected: "7 (ordinary, trailer) or 8 (new-energy)"))
        }
        guard provinceAbbreviations.contains(characters[0]) else {
            return fail(.invalidCharacter(characters[0], position: 1, expected: "a province abbreviation"))
        }
        guard let office = characters[1].asciiValue, IdentifierASCII.isUpperLetter(office) else {
            return fail(.invalidCharacter(characters[1], position: 2, expected: "an issuing-office letter A-Z"))
        }
        let shape: Shape
        var expected: [(allowed: [UInt8], description: String)]
        let serial = (serialAlphabet, "0-9 or A-Z without I O")
        let digit = (IdentifierASCII.digits, "a digit 0-9")
        let newEnergy = (newEnergyLetters, "D or F")
        if characters.count == 7 {
            if characters[6] == trailerSuffix {
                shape = .trailer
                expected = Array(repeating: serial, count: 4)
            } else {
                shape = .ordinary
                expected = Array(repeating: serial, count: 5)
            }
        } else if let third = characters[2].asciiValue, newEnergyLetters.contains(third) {
            shape = .newEnergySmall
            expected = [newEnergy] + Array(repeating: serial, count: 5)
        } else {
            shape = .newEnergyLarge
            expected = Array(repeating: digit, count: 5) + [newEnergy]
        }
        for (offset, rule) in expected.enumerated() {
            let character = characters[2 + offset]
            guard let ascii = character.asciiValue, rule.allowed.contains(ascii) else {
                return fail(.invalidCharacter(character, position: 3 + offset, expected: rule.description))
            }
        }
        return .success(shape)
    }
}
