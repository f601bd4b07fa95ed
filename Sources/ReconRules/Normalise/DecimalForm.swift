/// The `decimal` step: rewrite a decimal number in its canonical form, in place.
///
/// docs/identifiers.md: "numbers as `1.50` vs `1.5`". Accepted: `[+-]digits[.[digits]]` and
/// `[+-].digits` (ASCII). Canonical: no `+`; integer part without leading zeros (`0` if none is
/// left); fraction without trailing zeros, and no `.` if the fraction is empty; no `-` on zero.
/// So `1.50` → `1.5`, `2.0` → `2`, `002` → `2`, `+.5` → `0.5`, `-0.00` → `0`. Anything else (an
/// exponent, a thousands separator, spaces) is left unchanged.
enum DecimalForm {
    /// Rewrites `bytes` canonically if it is a decimal number; otherwise leaves it.
    static func rewrite(_ bytes: inout [UInt8]) {
        let count = bytes.count
        guard count > 0 else { return }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        let integerStart = index
        while index < count, isDigit(bytes[index]) { index += 1 }
        let integerEnd = index
        var fractionStart = index, fractionEnd = index
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fractionStart = index
            while index < count, isDigit(bytes[index]) { index += 1 }
            fractionEnd = index
        }
        guard index == count, integerEnd > integerStart || fractionEnd > fractionStart else { return }

        // Significant parts.
        var firstSignificant = integerStart
        while firstSignificant < integerEnd, bytes[firstSignificant] == UInt8(ascii: "0") { firstSignificant += 1 }
        var lastSignificant = fractionEnd
        while lastSignificant > fractionStart, bytes[lastSignificant - 1] == UInt8(ascii: "0") { lastSignificant -= 1 }
        let integerDigits = integerEnd - firstSignificant
        let fractionDigits = lastSignificant - fractionStart
        if integerDigits == 0 && fractionDigits == 0 { negative = false }

        // Output: ["-"] (integer digits | "0") ["." fraction digits]. Every piece comes from at or
        // after where it is written, so writing forwards in place is safe, except when there is no
        // integer digit at all (".5", "-.5") and no dropped sign byte to make room for the "0":
        // then insert a byte first.
        var fractionSource = fractionStart
        let dropsSignByte = integerStart == 1 && !negative  // "+…", or "-" on zero
        if integerEnd == integerStart, !dropsSignByte {
            bytes.insert(UInt8(ascii: "0"), at: integerStart)
            fractionSource += 1
        }
        var write = 0
        if negative {
            bytes[write] = UInt8(ascii: "-")
            write += 1
        }
        if integerDigits == 0 {
            bytes[write] = UInt8(ascii: "0")
            write += 1
        } else {
            for offset in 0..<integerDigits { bytes[write + offset] = bytes[firstSignificant + offset] }
            write += integerDigits
        }
        if fractionDigits > 0 {
            bytes[write] = UInt8(ascii: ".")
            write += 1
            for offset in 0..<fractionDigits { bytes[write + offset] = bytes[fractionSource + offset] }
            write += fractionDigits
        }
        bytes.removeLast(bytes.count - write)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
