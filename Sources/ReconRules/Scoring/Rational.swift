/// An exact fraction of two `Int`s, always in lowest terms with a positive denominator.
///
/// docs/rules.md *Rounding and arithmetic*: "Counts are integers, so every rate is an exact
/// fraction. Compute scores with exact (rational or fixed-point integer) arithmetic, never binary
/// floating point: 990 of 1000 must be exactly 99% and score 5.00."
///
/// Because the form is normalised, `==` and `hash(into:)` compare values (`2/4 == 1/2`).
/// Arithmetic reduces by the gcd before multiplying and checks every step for overflow; see
/// `RationalError`. Counts of ~10^8 and the constants of the scoring rules stay far below
/// the limits.
public struct Rational: Sendable, Hashable {
    /// The numerator, carrying the sign; coprime with `denominator`.
    public let numerator: Int
    /// The denominator, always ≥ 1.
    public let denominator: Int

    /// Creates `numerator/denominator` in lowest terms; throws for a zero denominator or when the
    /// sign cannot be moved to the numerator (`Int.min`).
    public init(_ numerator: Int, _ denominator: Int) throws(RationalError) {
        guard denominator != 0 else {
            throw .divisionByZero(operation: "Rational(\(numerator), \(denominator))")
        }
        var n = numerator
        var d = denominator
        let g = Rational.gcd(n, d)  // ≥ 1 since d ≠ 0
        if g > 1 {
            n = Rational.exactQuotient(n, g)
            d = Rational.exactQuotient(d, g)
        }
        if d < 0 {
            let (nn, o1) = Int(0).subtractingReportingOverflow(n)
            let (dd, o2) = Int(0).subtractingReportingOverflow(d)
            guard !o1, !o2 else { throw .overflow(operation: "Rational(\(numerator), \(denominator))") }
            n = nn
            d = dd
        }
        self.numerator = n
        self.denominator = d
    }

    /// The whole number `value` (`value/1`).
    public init(_ value: Int) {
        self.numerator = value
        self.denominator = 1
    }

    /// Internal: a pair already in lowest terms with a positive denominator.
    init(normalisedNumerator numerator: Int, denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// `value`% as an exact fraction, e.g. `percent(99)` = 99/100.
    public static func percent(_ value: Int) -> Rational {
        // 100 ≠ 0 and positive: cannot fail.
        try! Rational(value, 100)
    }

    /// 0.
    public static let zero = Rational(0)
    /// 1.
    public static let one = Rational(1)

    /// True for a whole number.
    public var isInteger: Bool { denominator == 1 }

    /// -1, 0 or 1.
    public var signum: Int { numerator.signum() }

    /// `value / divisor` for a `divisor` ≥ 1 known to divide `value`. A divisor of 2^63 (which
    /// does not fit in `Int`) can only divide 0 and `Int.min`.
    static func exactQuotient(_ value: Int, _ divisor: UInt) -> Int {
        if divisor > UInt(Int.max) { return value == 0 ? 0 : -1 }
        return value / Int(divisor)  // divisor ≥ 1; Int.min / -1 cannot occur
    }

    /// The greatest common divisor of the magnitudes (as `UInt`, so `Int.min` is fine); 0 only
    /// when both are 0.
    static func gcd(_ a: Int, _ b: Int) -> UInt {
        var x = a.magnitude
        var y = b.magnitude
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
