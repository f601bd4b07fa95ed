/// 对账差异率 as an exact fraction: keys with any difference over the union of keys, summed over
/// the record sets (indicators.md, indicator 10: "rate = differing records / all records of the
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

    /// The percentage with `decimals` places, rounded half up by integer arithmetic (display only;
    /// scoring uses the exact fraction): 1 of 3 → "33.33%". "—" when there are no keys.
    public func percentText(decimals: Int = 2) -> String {
        guard union > 0 else { return "—" }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        // round(differing × 100 × scale / union), half up.
        let scaled = (differing * 100 * scale * 2 + union) / (2 * union)
        let whole = scaled / scale
        let fraction = scaled % scale
        guard decimals > 0 else { return "\(whole)%" }
        let digits = String(fraction)
        return "\(whole).\(String(repeating: "0", count: decimals - digits.count))\(digits)%"
    }

    /// `5/1000 (0.50%)`.
    public var description: String { "\(differing)/\(union) (\(percentText()))" }
}
