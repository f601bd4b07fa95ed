/// A valid unified social credit code (统一社会信用代码, GB 32100-2015).
///
/// docs/identifiers.md: "18 characters: registering authority (1), entity type (1), 6-digit region code,
/// 9-character organisation code, 1 check character. … The first character may be a letter; do not
/// require digits there." Only the length, the alphabet and the check character are validated.
public struct SocialCreditCode: Sendable, Hashable, CustomStringConvertible {
    /// The 18 characters.
    public let value: String

    /// docs/identifiers.md: "Alphabet (31 symbols): `0-9` and `A–Z` without `I O S V Z`", in value
    /// order (digits 0–9, then `A=10 … Y=30`).
    public static let alphabet: [UInt8] = IdentifierASCII.digits + IdentifierASCII.upperLetters(excluding: "IOSVZ")

    /// docs/identifiers.md: "Weights `1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28` (3^i mod 31)".
    static let weights: [Int] = (0..<17).map { i in (0..<i).reduce(1) { acc, _ in acc * 3 % 31 } }

    /// The value (0–30) of each byte in the alphabet; -1 for bytes outside it.
    static let valueOfByte: [Int] = {
        var table = [Int](repeating: -1, count: 256)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = value }
        return table
    }()

    /// Validates `string` (exactly as given: no case folding).
    public init(_ string: String) throws(IdentifierError) {
        if let problem = Self.problem(in: string) { throw problem }
        value = string
    }

    /// Whether `string` is a valid code.
    public static func isValid(_ string: String) -> Bool { problem(in: string) == nil }

    /// The check character for the first 17 characters of `code` (17 or 18 characters from the
    /// alphabet; an 18th is ignored), or nil if they are not from the alphabet.
    /// docs/identifiers.md: "check value `(31 − sum mod 31) mod 31`, written with the same alphabet".
    public static func checkCharacter(forFirst17 code: some StringProtocol) -> Character? {
        let bytes = Array(code.utf8.prefix(17))
        guard bytes.count == 17, code.utf8.count <= 18 else { return nil }
        var sum = 0
        for (byte, weight) in zip(bytes, weights) {
            let value = valueOfByte[Int(byte)]
            guard value >= 0 else { return nil }
            sum += value * weight
        }
        return Character(Unicode.Scalar(alphabet[(31 - sum % 31) % 31]))
    }

    /// Completes 17 characters from the alphabet with their check character.
    public static func withCheckCharacter(_ first17: String) throws(IdentifierError) -> SocialCreditCode {
        if let problem = problem(in: first17, length: 17) { throw problem }
        // Non-nil: 17 characters from the alphabet.
        return try SocialCreditCode(first17 + String(checkCharacter(forFirst17: first17)!))
    }

    /// The code itself.
    public var description: String { value }

    /// The first problem with `string`: its length is not `length`, a character is outside the
    /// alphabet, or (for 18 characters) the check character is wrong; nil if none.
    static func problem(in string: String, length: Int = 18) -> IdentifierError? {
        func fail(_ reason: IdentifierError.Reason) -> IdentifierError {
            IdentifierError(.socialCreditCode, value: string, reason: reason)
        }
        let characters = Array(string)
        guard characters.count == length else { return fail(.wrongLength(actual: characters.count, expected: String(length))) }
        for (index, character) in characters.enumerated() {
            guard let ascii = character.asciiValue, valueOfByte[Int(ascii)] >= 0 else {
                return fail(.invalidCharacter(character, position: index + 1, expected: "0-9 or A-Z without I O S V Z"))
            }
        }
        if length == 18 {
            let expected = checkCharacter(forFirst17: string)!
            if characters[17] != expected {
                return fail(.wrongCheckCharacter(found: characters[17], expected: expected, position: 18))
            }
        }
        return nil
    }
}
