import ReconRules
import ReconKit

/// The sampler's half of ``ResidentID``: random valid values for sample registries (validation lives
/// in ReconRules).
extension ResidentID {
    /// A random valid number: a region code in a random province (province prefix, then random
    /// city and county digits 01–20, which need not exist), a birth date in `birthYears`, and a
    /// random sequence.
    public static func random(
        birthYears: ClosedRange<Int> = 1960...2003,
        region: String? = nil,
        using rng: inout some RandomNumberGenerator
    ) -> ResidentID {
        let regionCode = region ?? Self.randomRegion(using: &rng)
        let year = IdentifierRandom.int(in: birthYears, using: &rng)
        let month = IdentifierRandom.int(in: 1...12, using: &rng)
        let day = IdentifierRandom.int(in: 1...CivilDate.daysInMonth(year: year, month: month), using: &rng)
        let sequence = IdentifierRandom.int(in: 0...999, using: &rng)
        guard let date = BirthDate(year: year, month: month, day: day) else {
            preconditionFailure("birthYears \(birthYears) must lie within \(earliestBirthYear)...\(latestBirthYear)")
        }
        do {
            return try make(region: regionCode, birthDate: date, sequence: sequence)
        } catch {
            preconditionFailure("ResidentID.random: \(error)")
        }
    }

    /// A 6-digit region code: a random province's prefix, then two random 2-digit parts 01–20.
    package static func randomRegion(using rng: inout some RandomNumberGenerator) -> String {
        let province = IdentifierRandom.element(of: ProvinceCode.provinces, using: &rng)
        let city = IdentifierRandom.int(in: 1...20, using: &rng)
        let county = IdentifierRandom.int(in: 1...20, using: &rng)
        return String(province.prefix) + IdentifierASCII.zeroPadded(city, width: 2) + IdentifierASCII.zeroPadded(county, width: 2)
    }
}
