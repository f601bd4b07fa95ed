import ReconRules
import ReconKit

/// The sampler's half of ``PermitNumber``: random valid values for sample registries (validation lives
/// in ReconRules).
extension PermitNumber {
    /// A random valid number: `region` (default: a random province's prefix then `0100`) and a
    /// random sequence 1–999999.
    public static func random(region: String? = nil, using rng: inout some RandomNumberGenerator) -> PermitNumber {
        let regionCode = region ?? String(IdentifierRandom.element(of: ProvinceCode.provinces, using: &rng).prefix) + "0100"
        let sequence = IdentifierRandom.int(in: 1...999_999, using: &rng)
        do {
            return try make(region: regionCode, sequence: sequence, xpccCode: ProvinceCode.defaultXPCCCode)
        } catch {
            preconditionFailure("PermitNumber.random: \(error)")
        }
    }
}
