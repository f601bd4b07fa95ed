/// 对账差异率 as an exact fraction: keys with any difference over the union of keys, summed over
/// the record sets (docs/rules.md, indicator 10: "rate = differing records / all records of the
/// province, summed over the record sets"). Stored as two integers; never a binary float.
public struct DiffRate: Sendable, Hashable, CustomStringConvertible {
    /// Keys with any difference.
    public let differing: Int
    /// Distinct keys on either side.
    public let union: Int

    /// A rate of `differing` out of `union`.
    public init(differing: Int, union: Int) {
        precondition(differing >= 0 && union >= 0 && differing <= union, "differing keys must be within the union")
        self.differing = differing
        self.union = union
    }

    /// The rate as a reduced ``Rational`` for scoring; nil when there are no keys (rate undefined).
    public var rational: Rational? {
        union == 0 ? nil : try? Rational(differing, union)
    }

    /// The percentage for people, two decimals, rounded up as indicator 10's rates are shown
    /// (``RateFormat``): 201 of 20000 → "1.01%". "—" when there are no keys.
    public var percentText: String { RateFormat.percent(differing, of: union, for: .differenceRate) }

    /// `5/1000 (0.50%)`.
    public var description: String { "\(differing)/\(union) (\(percentText))" }
}
