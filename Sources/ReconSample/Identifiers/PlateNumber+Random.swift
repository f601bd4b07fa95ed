import ReconRules
import ReconKit

/// The sampler's half of ``PlateNumber``: random valid values for sample registries (validation lives
/// in ReconRules).
extension PlateNumber {
    /// A random valid plate of `shape` with a random office letter `A`–`H`, in `province` (a random
    /// province if nil or if it has no plate abbreviation, as 新疆生产建设兵团).
    public static func random(
        shape: Shape = .ordinary,
        province: ProvinceCode? = nil,
        using rng: inout some RandomNumberGenerator
    ) -> PlateNumber {
        let abbreviation = province?.plateAbbreviation ?? IdentifierRandom.element(of: provinceAbbreviations, using: &rng)
        let office = IdentifierRandom.element(of: Array("ABCDEFGH".utf8), using: &rng)
        var tail: [UInt8] = []
        switch shape {
        case .ordinary:
            tail = IdentifierRandom.bytes(5, from: serialAlphabet, using: &rng)
        case .newEnergySmall:
            tail = [IdentifierRandom.element(of: newEnergyLetters, using: &rng)]
                + IdentifierRandom.bytes(5, from: serialAlphabet, using: &rng)
        case .newEnergyLarge:
            tail = IdentifierRandom.bytes(5, from: IdentifierASCII.digits, using: &rng)
                + [IdentifierRandom.element(of: newEnergyLetters, using: &rng)]
        case .trailer:
            tail = IdentifierRandom.bytes(4, from: serialAlphabet, using: &rng)
        }
        var text = String(abbreviation) + String(decoding: [office] + tail, as: UTF8.self)
        if shape == .trailer { text.append(trailerSuffix) }
        do {
            return try PlateNumber(text)
        } catch {
            preconditionFailure("PlateNumber.random: \(error)")
        }
    }
}
