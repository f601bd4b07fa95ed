/// A valid unified social credit code (统一社会信用代码, GB 32100-2015).
///
/// identifiers.md: "18 characters: registering authority (1), entity type (1), 6-digit region code,
/// 9-character organisation code, 1 check character. … The first character may be a letter; do not
/// require digits there." Only the length, the alphabet and the check character are validated.
public struct SocialCreditCode: Sendable, Hashable, CustomStringConvertible {
    /// The 18 characters.
    public let value: String

    /// identifiers.md: "Alphabet (31 symbols): `0-9` and `A–Z` without `I O S V Z`", in value
    /// order (digits 0–9, then `A=10 … Y=30`).
    public static let alphabet: [UInt8] = IdentifierASCII.digits + IdentifierASCII.upperLetters(excluding: "IOSVZ")

    /// identifiers.md: "Weights `1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28` (3^i mod 31)".
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
    /// identifiers.md: "check value `(31 − sum mod 31) mod 31`, written with the same alphabet".
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

    /// A random valid code: registering authority `9` (工商), entity type `1`–`3`, a 6-digit region
    /// code in `province` (random if nil; prefix then `0100`), an organisation code of 8 random
    /// digits plus its GB 11714 check character, and the check character.
    ///
    /// The GB 11714 organisation-code check (weights `3 7 9 10 5 8 4 2`, `11 − sum mod 11`, 10 → `X`,
    /// 11 → `0`) is not in identifiers.md; it only makes samples look real and is never validated.
    /// It reproduces the `600037341` of the known-good `91110000600037341L`.
    public static func random(province: ProvinceCode? = nil, using rng: inout some RandomNumberGenerator) -> SocialCreditCode {
        let entityType = IdentifierRandom.element(of: Array("123".utf8), using: &rng)
        let unit = province ?? IdentifierRandom.element(of: ProvinceCode.provinces, using: &rng)
        let body = IdentifierRandom.bytes(8, from: IdentifierASCII.digits, using: &rng)
        let first17 = [UInt8(ascii: "9"), entityType] + Array(unit.prefix.utf8) + Array("0100".utf8) + body
            + [organisationCheckCharacter(body)]
        do {
            return try withCheckCharacter(String(decoding: first17, as: UTF8.self))
        } catch {
            preconditionFailure("SocialCreditCode.random: \(error)")
        }
    }

    /// GB 11714 check character of an 8-digit organisation-code body (see `random`).
    static func organisationCheckCharacter(_ digits: [UInt8]) -> UInt8 {
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(digits, weights).reduce(0) { $0 + Int($1.0 - 0x30) * $1.1 }
        switch 11 - sum % 11 {
        case 10: return UInt8(ascii: "X")
        case 11: return UInt8(ascii: "0")
        case let check: return UInt8(0x30 + check)
        }
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
