import ReconRules
import ReconKit

/// The sampler's half of ``VIN``: random valid values for sample registries (validation lives
/// in ReconRules).
extension VIN {
    /// Model-year codes (position 10) used by the generator: letters and digits without
    /// `I O Q U Z 0` (ISO 3779 convention; not validated).
    package static let modelYearCodes: [UInt8] = Array("ABCDEFGHJKLMNPRSTVWXY123456789".utf8)

    /// A random valid VIN: world manufacturer identifier `wmi` (3 characters, default `L` + two
    /// random characters, `L` being China), random descriptor, check digit, a model-year code,
    /// a random plant character and a 6-digit serial number.
    public static func random(wmi: String? = nil, using rng: inout some RandomNumberGenerator) -> VIN {
        let manufacturer = wmi.map { Array($0.utf8) }
            ?? [UInt8(ascii: "L")] + IdentifierRandom.bytes(2, from: alphabet, using: &rng)
        var draft = manufacturer
        draft += IdentifierRandom.bytes(5, from: alphabet, using: &rng)  // positions 4–8
        draft.append(UInt8(ascii: "0"))  // position 9, replaced by the check digit
        draft.append(IdentifierRandom.element(of: modelYearCodes, using: &rng))
        draft += IdentifierRandom.bytes(1, from: alphabet, using: &rng)
        draft += IdentifierRandom.bytes(6, from: IdentifierASCII.digits, using: &rng)
        do {
            return try withCheckDigit(String(decoding: draft, as: UTF8.self))
        } catch {
            preconditionFailure("VIN.random with wmi \(wmi ?? "nil"): \(error)")
        }
    }
}
