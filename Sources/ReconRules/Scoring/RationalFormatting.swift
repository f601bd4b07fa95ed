extension Rational: CustomStringConvertible {
    /// `numerator/denominator`, e.g. `39/40`, `5/1`, `-1/3` (same as `fractionString`).
    public var description: String { fractionString }

    /// `numerator/denominator` in lowest terms, the denominator always written: `39/40`, `5/1`.
    public var fractionString: String { "\(numerator)/\(denominator)" }

    /// The value written with exactly `decimals` decimals (0 gives no point), rounded by
    /// `rounding` (default: to nearest, ties away from zero). Exact for every value: digits are
    /// produced by long division, so even an `Int.max` denominator cannot overflow.
    /// Examples: 39/40 → `0.98` (2, nearest), 1/3 → `0.333`, -1/8 → `-0.13`.
    public func decimalString(decimals: Int, rounding: DecimalRounding = .toNearestOrAwayFromZero) -> String {
        precondition(decimals >= 0, "decimals must be ≥ 0, got \(decimals)")
        return expansion(fractionDigits: decimals).written(decimals: decimals, rounding: rounding)
    }

    /// The value as a percentage with exactly `decimals` decimals and a `%` sign, rounded by
    /// `rounding` (default: to nearest, ties away from zero). Exact as `decimalString`.
    /// Examples: 99/10000 → `0.99%`, 39/40 → `97.50%`, 1 → `100.00%`, 1/3 → `33.33%`;
    /// 19799/20000 (98.995%) → `99.00%` to nearest but `98.99%` `.towardZero`.
    public func percentString(decimals: Int, rounding: DecimalRounding = .toNearestOrAwayFromZero) -> String {
        precondition(decimals >= 0, "decimals must be ≥ 0, got \(decimals)")
        return expansion(fractionDigits: decimals + 2).written(decimals: decimals, rounding: rounding) + "%"
    }

    /// The exact percentage with trailing zeros (and a bare point) dropped, when it has at most
    /// `maxDecimals` decimals; nil when it would need more (e.g. 1/3).
    /// Examples: 39/40 → `97.5%`, 99/100 → `99%`, 1/10000 → `0.01%`, 0 → `0%`.
    public func exactPercentString(maxDecimals: Int = 6) -> String? {
        precondition(maxDecimals >= 0, "maxDecimals must be ≥ 0, got \(maxDecimals)")
        let digits = expansion(fractionDigits: maxDecimals + 2)
        guard digits.remainder == 0 else { return nil }
        var text = digits.written(decimals: maxDecimals, rounding: .towardZero)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text + "%"
    }

    /// The percentage for people: exact with trailing zeros trimmed when it has at most
    /// `maxDecimals` decimals (`97.5%`), otherwise `≈` and the value rounded to nearest with
    /// `maxDecimals` decimals (1/3 → `≈33.3333%`). Show `fractionString` beside it for the exact
    /// value.
    public func percentDisplay(maxDecimals: Int = 4) -> String {
        exactPercentString(maxDecimals: maxDecimals)
            ?? "≈" + percentString(decimals: maxDecimals, rounding: .toNearestOrAwayFromZero)
    }

    /// The decimal expansion of |self| with `fractionDigits` digits after the point.
    private func expansion(fractionDigits: Int) -> DecimalExpansion {
        let b = UInt(denominator)  // ≥ 1
        let m = numerator.magnitude
        var remainder = m % b
        var fraction: [UInt8] = []
        fraction.reserveCapacity(fractionDigits)
        for _ in 0..<fractionDigits {
            // remainder < b, so remainder·10 / b < 10: the quotient fits, computed in 128 bits.
            let wide = remainder.multipliedFullWidth(by: 10)
            let (digit, rest) = b.dividingFullWidth((high: wide.high, low: wide.low))
            fraction.append(UInt8(digit))
            remainder = rest
        }
        return DecimalExpansion(negative: numerator < 0, whole: m / b, fraction: fraction,
                                remainder: remainder, denominator: b)
    }
}

/// |value| = whole.fraction… + remainder/denominator · 10^-fraction.count, plus the sign.
private struct DecimalExpansion {
    let negative: Bool
    let whole: UInt
    let fraction: [UInt8]
    let remainder: UInt
    let denominator: UInt

    /// Writes the digits with the last `decimals` of them after the point (a percentage asks for
    /// two more fraction digits than it shows decimals, which moves the point two places right),
    /// applying `rounding` to the remainder.
    func written(decimals: Int, rounding: DecimalRounding) -> String {
        var digits = Array(String(whole).utf8).map { $0 - 0x30 } + fraction
        let roundUp: Bool
        switch rounding {
        case .towardZero: roundUp = false
        case .awayFromZero: roundUp = remainder > 0
        case .toNearestOrAwayFromZero: roundUp = remainder > 0 && remainder >= denominator - remainder
        }
        if roundUp {
            var index = digits.count - 1
            while index >= 0 && digits[index] == 9 {
                digits[index] = 0
                index -= 1
            }
            if index >= 0 { digits[index] += 1 } else { digits.insert(1, at: 0) }
        }
        let pointAt = digits.count - decimals
        var wholeDigits = digits[..<pointAt].drop { $0 == 0 }
        if wholeDigits.isEmpty { wholeDigits = [0] }
        var text = String(decoding: wholeDigits.map { $0 + 0x30 }, as: UTF8.self)
        if decimals > 0 {
            text += "." + String(decoding: digits[pointAt...].map { $0 + 0x30 }, as: UTF8.self)
        }
        let isZero = !digits.contains { $0 != 0 }
        return negative && !isZero ? "-" + text : text
    }
}
