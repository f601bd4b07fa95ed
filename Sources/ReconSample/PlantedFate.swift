/// What happens to one key of a record set: most keys are the same on both sides (perhaps spelled
/// differently: noise); a share given by the difference rate gets one planted difference.
import ReconRules
import ReconKit

enum PlantedFate: Int, Sendable, CaseIterable {
    /// Only at the ministry → `ministry_only`.
    case ministryOnly
    /// Only at the province → `province_only`.
    case provinceOnly
    /// One core field changed → `field_mismatch` with that field.
    case oneField
    /// Two to four core fields changed → `field_mismatch` with those fields.
    case severalFields
    /// Two or three live rows at the ministry (one or none at the province) → `duplicate_key`.
    case duplicateAtMinistry
    /// Two or three rows at the province (one or none at the ministry) → `duplicate_key`.
    case duplicateAtProvince
    /// At the ministry only as a row marked deleted, present at the province → `province_only`
    /// (a deleted row is not present).
    case deletedAtMinistry
    /// One side holds the row with an empty key (NULL, `''` or spaces), the other with its key →
    /// the key is `ministry_only`/`province_only`, and the empty key is reported once per tuple.
    case emptyKey
    /// Vehicles with a small new-energy plate: the ministry codes the colour `94`, the province `5`
    /// (docs/identifiers.md: "report it as a difference (the code differs), never hide it") → two keys,
    /// (plate, 94) `ministry_only` and (plate, 5) `province_only`.
    case colourCode
    /// The province mistyped the key: one character of the first key column became `O` (a letter
    /// no plate, licence or ID number holds, so the typo meets no other key) → the canonical key
    /// `ministry_only`, the typo `province_only`, and the two paired as a suspected same record
    /// (疑似同一记录：…相差一个字符).
    case keyTypo

    /// Relative weights among the planted differences.
    var weight: Int {
        switch self {
        case .ministryOnly, .provinceOnly: 3
        case .oneField: 4
        case .severalFields: 3
        case .duplicateAtMinistry, .duplicateAtProvince, .deletedAtMinistry, .emptyKey: 1
        case .colourCode: 6  // drawn only for small new-energy plates (3 vehicles in 20)
        case .keyTypo: 2
        }
    }

    /// The fates open to a record set (the colour code only where the key has a colour).
    static func fates(hasPlateColour: Bool) -> [PlantedFate] {
        allCases.filter { $0 != .colourCode || hasPlateColour }
    }
}

/// Rows that look like differences but are not — planted on keys without a difference, at half the
/// difference rate, so that a reconciliation that forgets the deleted flag is caught.
enum PlantedTrap: Int, Sendable, CaseIterable {
    /// The key is only at the ministry, as a row marked deleted, and not at the province: the same
    /// on both sides (absent); not reported, not in the union.
    case deletedOnly
    /// Besides its live row the ministry holds an older row with the same key marked deleted (with
    /// other values): neither a duplicate nor a field difference.
    case deletedCopy
}
