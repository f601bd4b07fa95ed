/// How `Rational` rounds when it is written with a fixed number of decimals.
///
/// Writing is exact up to the last digit shown; only the digits beyond it are rounded, by the
/// rule named here, using the exact remainder (no floating point). Scores are *not* rounded
/// with this type: 注6's rounding up to 0.01 is `Score(roundingUp:)`.
public enum DecimalRounding: String, Sendable, Hashable, Codable, CaseIterable {
    /// Drop the further digits (truncate): 98.995% → "98.99%". Never shows a rate as reaching a
    /// "≥" threshold it does not reach.
    case towardZero
    /// Round any remainder away from zero: 1.001% → "1.01%". Never shows a rate as below a "<"
    /// threshold it is not below.
    case awayFromZero
    /// Round to the nearest, a tie away from zero ("round half up" for rates): 97.125% → "97.13%".
    case toNearestOrAwayFromZero
}
