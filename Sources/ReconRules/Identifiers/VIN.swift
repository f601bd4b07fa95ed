/// A valid vehicle identification number (车辆识别代号, GB 16735 / ISO 3779).
///
/// docs/identifiers.md: "17 characters, never `I O Q`. … `sum mod 11` is the check digit in position 9,
/// `10` written `X`."
public struct VIN: Sendable, Hashable, CustomStringConvertible {
    /// The 17 characters.
    public let value: String

    /// The characters a VIN may contain: digits and `A–Z` without `I O Q`.
    public static let alphabet: [UInt8] = IdentifierASCII.digits + IdentifierASCII.upperLetters(excluding: "IOQ")

    /// docs/identifiers.md: "Weights `8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2`".
    static let weights: [Int] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

    /// docs/identifiers.md: "Transliteration: `A–H → 1–8, J–N → 1–5, P → 7, R → 9, S–Z → 2–9`, digits as
    /// themselves." -1 for bytes a VIN may not contain.
    static let transliteration: [Int] = {
        var table = [Int](repeating: -1, count: 256)
        for digit in IdentifierASCII.digits { table[Int(digit)] = Int(digit - 0x30) }
        func assign(_ letters: String, from start: Int) {
            for (offset, letter) in letters.utf8.enumerated() { table[Int(letter)] = start + offset }
        }
        assign("ABCDEFGH", from: 1)
        assign("JKLMN", from: 1)
        assign("P", from: 7)
        assign("R", from: 9)
        assign("STUVWXYZ", from: 2)
        return table
    }()

    /// The check digit's position (1-based).
    public static let checkPosition = 9

    /// Validates `string` (exactly as given: no case folding).
    public init(_ string: String) throws(IdentifierError) {
        if let problem = Self.problem(in: string) { throw problem }
        value = string
    }

    /// Whether `string` is a valid VIN.
    public static func isValid(_ string: String) -> Bool { problem(in: string) == nil }

    /// The check digit (`0`–`9` or `X`) for 17 VIN characters (position 9 is ignored: weight 0), or
    /// nil if `vin` is not 17 characters from the alphabet.
    public static func checkDigit(for vin: some StringProtocol) -> Character? {
        let bytes = Array(vin.utf8)
        guard bytes.count == 17 else { return nil }
        var sum = 0
        for (index, byte) in bytes.enumerated() {
            let value = transliteration[Int(byte)]
            guard value >= 0 || index == checkPosition - 1 else { return nil }
            sum += max(value, 0) * weights[index]
        }
        let check = sum % 11
        return check == 10 ? "X" : Character(Unicode.Scalar(UInt8(0x30 + check)))
    }

    /// `draft` (17 characters; anything in position 9) with its check digit put in position 9.
    public static func withCheckDigit(_ draft: String) throws(IdentifierError) -> VIN {
        var characters = Array(draft)
        guard characters.count == 17 else {
            throw IdentifierError(.vin, value: draft, reason: .wrongLength(actual: characters.count, expected: "17"))
        }
        characters[checkPosition - 1] = "0"
        let placeholder = String(characters)
        guard let check = checkDigit(for: placeholder) else {
            // A character is outside the alphabet: let the validator name it.
            throw problem(in: placeholder, reportingAs: draft)!
        }
        characters[checkPosition - 1] = check
        return try VIN(String(characters))
    }

    /// The VIN itself.
    public var description: String { value }

    /// The first problem with `string`, or nil; errors name `original` if given.
    static func problem(in string: String, reportingAs original: String? = nil) -> IdentifierError? {
        func fail(_ reason: IdentifierError.Reason) -> IdentifierError {
            IdentifierError(.vin, value: original ?? string, reason: reason)
        }
        let characters = Array(string)
        guard characters.count == 17 else { return fail(.wrongLength(actual: characters.count, expected: "17")) }
        for (index, character) in characters.enumerated() {
            guard let ascii = character.asciiValue, transliteration[Int(ascii)] >= 0 else {
                return fail(.invalidCharacter(character, position: index + 1, expected: "0-9 or A-Z without I O Q"))
            }
        }
        let expected = checkDigit(for: string)!
        if original == nil, characters[checkPosition - 1] != expected {
            return fail(.wrongCheckCharacter(found: characters[checkPosition - 1], expected: expected, position: checkPosition))
        }
        return nil
    }
}
