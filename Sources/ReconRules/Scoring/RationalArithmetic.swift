/// Exact, overflow-checked arithmetic on `Rational`.
///
/// The throwing methods report an intermediate value outside `Int` as `RationalError.overflow`;
/// the operators trap with the same message (as `Int`'s operators do). Neither ever wraps.
/// Denominators are divided by their gcd before being multiplied, so sums and products of rates
/// of counts up to ~10^9 and small constants never come near the limit.
extension Rational {
    /// `self + other`.
    public func adding(_ other: Rational) throws(RationalError) -> Rational {
        try combine(other, operation: "\(self) + \(other)", subtract: false)
    }

    /// `self - other`.
    public func subtracting(_ other: Rational) throws(RationalError) -> Rational {
        try combine(other, operation: "\(self) - \(other)", subtract: true)
    }

    /// `self × other`.
    public func multiplied(by other: Rational) throws(RationalError) -> Rational {
        func operation() -> String { "\(self) × \(other)" }
        // Cross-reduce first: a/b × c/d = (a/g1 · c/g2) / (b/g2 · d/g1).
        let g1 = Rational.gcd(numerator, other.denominator)
        let g2 = Rational.gcd(other.numerator, denominator)
        let a = g1 > 1 ? Rational.exactQuotient(numerator, g1) : numerator
        let d = g1 > 1 ? Rational.exactQuotient(other.denominator, g1) : other.denominator
        let c = g2 > 1 ? Rational.exactQuotient(other.numerator, g2) : other.numerator
        let b = g2 > 1 ? Rational.exactQuotient(denominator, g2) : denominator
        let n = try Rational.checked(a.multipliedReportingOverflow(by: c), operation())
        let m = try Rational.checked(b.multipliedReportingOverflow(by: d), operation())
        return try Rational(n, m)
    }

    /// `self ÷ other`; throws `.divisionByZero` when `other` is 0.
    public func divided(by other: Rational) throws(RationalError) -> Rational {
        guard other.numerator != 0 else { throw .divisionByZero(operation: "\(self) ÷ \(other)") }
        return try multiplied(by: Rational(other.denominator, other.numerator))
    }

    /// `-self`.
    public func negated() throws(RationalError) -> Rational {
        let n = try Rational.checked(Int(0).subtractingReportingOverflow(numerator), "-(\(self))")
        return Rational(normalisedNumerator: n, denominator: denominator)
    }

    /// The largest whole number ≤ `self`.
    public func floor() -> Int {
        let q = numerator / denominator
        return numerator % denominator < 0 ? q - 1 : q
    }

    /// The smallest whole number ≥ `self`.
    public func ceiling() -> Int {
        let q = numerator / denominator
        return numerator % denominator > 0 ? q + 1 : q
    }

    /// The smaller of two values.
    public static func min(_ a: Rational, _ b: Rational) -> Rational { a <= b ? a : b }

    /// The larger of two values.
    public static func max(_ a: Rational, _ b: Rational) -> Rational { a >= b ? a : b }

    /// `lhs + rhs`; traps on overflow (see `adding(_:)` for the throwing form).
    public static func + (lhs: Rational, rhs: Rational) -> Rational { trapping { () throws(RationalError) in try lhs.adding(rhs) } }
    /// `lhs - rhs`; traps on overflow (see `subtracting(_:)`).
    public static func - (lhs: Rational, rhs: Rational) -> Rational { trapping { () throws(RationalError) in try lhs.subtracting(rhs) } }
    /// `lhs × rhs`; traps on overflow (see `multiplied(by:)`).
    public static func * (lhs: Rational, rhs: Rational) -> Rational { trapping { () throws(RationalError) in try lhs.multiplied(by: rhs) } }
    /// `lhs ÷ rhs`; traps on overflow or division by zero (see `divided(by:)`).
    public static func / (lhs: Rational, rhs: Rational) -> Rational { trapping { () throws(RationalError) in try lhs.divided(by: rhs) } }

    // MARK: - Helpers

    /// a/b ± c/d = (a·(d/g) ± c·(b/g)) / ((b/g)·d) with g = gcd(b, d).
    private func combine(_ other: Rational, operation: @autoclosure () -> String, subtract: Bool) throws(RationalError) -> Rational {
        let g = Rational.gcd(denominator, other.denominator)  // both ≥ 1, so 1 ≤ g ≤ Int.max
        let bg = denominator / Int(g)
        let dg = other.denominator / Int(g)
        let left = try Rational.checked(numerator.multipliedReportingOverflow(by: dg), operation())
        let right = try Rational.checked(other.numerator.multipliedReportingOverflow(by: bg), operation())
        let n = try Rational.checked(
            subtract ? left.subtractingReportingOverflow(right) : left.addingReportingOverflow(right), operation())
        let m = try Rational.checked(bg.multipliedReportingOverflow(by: other.denominator), operation())
        return try Rational(n, m)
    }

    /// The value of a `…ReportingOverflow` result, or `.overflow(operation)`.
    static func checked(_ result: (partialValue: Int, overflow: Bool), _ operation: @autoclosure () -> String)
        throws(RationalError) -> Int
    {
        if result.overflow { throw .overflow(operation: operation()) }
        return result.partialValue
    }

    private static func trapping(_ body: () throws(RationalError) -> Rational) -> Rational {
        do {
            return try body()
        } catch {
            preconditionFailure(error.description)
        }
    }
}

extension Rational: Comparable {
    /// Exact order: compares a·d with c·b in 128 bits, so it never overflows.
    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        let left = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let right = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return left.high != right.high ? left.high < right.high : left.low < right.low
    }
}
