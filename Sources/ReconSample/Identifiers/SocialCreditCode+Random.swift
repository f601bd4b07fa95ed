import ReconRules
import ReconKit

/// The sampler's half of ``SocialCreditCode``: random valid values for sample registries (validation lives
/// in ReconRules).
extension SocialCreditCode {
    /// A random valid code: registering authority `9` (工商), entity type `1`–`3`, a 6-digit region
    /// code in `province` (random if nil; prefix then `0100`), an organisation code of 8 random
    /// digits plus its GB 11714 check character, and the check character.
    ///
    /// The GB 11714 organisation-code check (weights `3 7 9 10 5 8 4 2`, `11 − sum mod 11`, 10 → `X`,
    /// 11 → `0`) is not in docs/identifiers.md; it only makes samples look real and is never validated.
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
    package static func organisationCheckCharacter(_ digits: [UInt8]) -> UInt8 {
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(digits, weights).reduce(0) { $0 + Int($1.0 - 0x30) * $1.1 }
        switch 11 - sum % 11 {
        case 10: return UInt8(ascii: "X")
        case 11: return UInt8(ascii: "0")
        case let check: return UInt8(0x30 + check)
        }
    }
}
