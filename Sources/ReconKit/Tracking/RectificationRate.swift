/// The rectification rate so far (对账整改率): items re-uploaded on time / all items of the list,
/// as an exact fraction (docs/rules.md *Rounding and arithmetic*: "every rate is an exact fraction").
import ReconRules

public struct RectificationRate: Sendable, Hashable {
    /// Items re-uploaded (or cancelled) before the deadline.
    public let numerator: Int
    /// All items of the list (> 0).
    public let denominator: Int

    /// The rate of `numerator` of `denominator` items; nil for an empty list (no differences:
    /// indicator 11 "对账无差异的省份，得5分", there is no rate to show).
    public init?(_ numerator: Int, of denominator: Int) {
        guard denominator > 0, numerator >= 0, numerator <= denominator else { return nil }
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The percentage with two decimals and no `%`, rounded down as indicator 11's rates are shown
    /// (``RateFormat``: 98.999% shows `98.99`, never reaching a threshold it does not reach).
    public var percentText: String { String(percentLabel.dropLast()) }

    /// `98.99%`.
    public var percentLabel: String { RateFormat.percent(numerator, of: denominator, for: .rectificationRate) }
}
