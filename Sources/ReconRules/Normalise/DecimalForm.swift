/// The `decimal` step: rewrite a decimal number in its canonical form, in place.
///
/// docs/identifiers.md: "numbers as `1.50` vs `1.5`". Accepted: `[+-]digits[.[digits]]` and
/// `[+-].digits` (ASCII). Canonical: no `+`; integer part without leading zeros (`0` if none is
/// left); fraction without trailing zeros, and no `.` if the fraction is empty; no `-` on zero.
/// So `1.50` → `1.5`, `2.0` → `2`, `002` → `2`, `+.5` → `0.5`, `-0.00` → `0`. Also accepted, and
/// written the same way: thousands separators in groups of three (`12,000` → `12000`,
/// `1,234.50` → `1234.5`) and an exponent of at most three digits (`1.2e4` → `12000`,
/// `5E-3` → `0.005`). Anything else (spaces inside, `1,2345`, `e` without digits) is left
/// unchanged, so that it still differs from a real number.
enum DecimalForm {
    /// Rewrites `bytes` canonically if it is a decimal number; otherwise leaves it.
    static func rewrite(_ bytes: inout [UInt8]) {
        if bytes.contains(UInt8(ascii: ",")) { removeThousandsSeparators(&bytes) }
        if bytes.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) { expandExponent(&bytes) }
        rewritePlain(&bytes)
    }

    /// `[+-]d{1,3}(,ddd)+[.d*]` without its commas; anything else unchanged.
    static func removeThousandsSeparators(_ bytes: inout [UInt8]) {
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        var lead = 0
        while index < bytes.count, isDigit(bytes[index]) { index += 1; lead += 1 }
        guard (1...3).contains(lead) else { return }
        var groups = 0
        while index < bytes.count, bytes[index] == UInt8(ascii: ",") {
            var digits = 0
            index += 1
            while index < bytes.count, isDigit(bytes[index]), digits < 3 { index += 1; digits += 1 }
            guard digits == 3 else { return }
            groups += 1
        }
        guard groups > 0, index == bytes.count || bytes[index] == UInt8(ascii: ".") else { return }
        if index < bytes.count, bytes[(index + 1)...].contains(where: { !isDigit($0) }) { return }
        bytes.removeAll { $0 == UInt8(ascii: ",") }
    }

    /// `[+-](d+[.d*]|.d+)(e|E)[+-]d{1,3}` written without the exponent; anything else unchanged.
    static func expandExponent(_ bytes: inout [UInt8]) {
        guard let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return }
        var index = 0
        var sign: [UInt8] = []
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") { sign = [bytes[0]]; index = 1 }
        var integer: [UInt8] = [], fraction: [UInt8] = []
        while index < e, isDigit(bytes[index]) { integer.append(bytes[index]); index += 1 }
        if index < e, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < e, isDigit(bytes[index]) { fraction.append(bytes[index]); index += 1 }
        }
        guard index == e, !(integer.isEmpty && fraction.isEmpty) else { return }
        var position = e + 1
        var negativeExponent = false
        if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
            negativeExponent = bytes[position] == UInt8(ascii: "-")
            position += 1
        }
        let exponentDigits = bytes[position...]
        guard (1...3).contains(exponentDigits.count), exponentDigits.allSatisfy(isDigit) else { return }
        let exponent = exponentDigits.reduce(0) { $0 * 10 + Int($1 - 0x30) } * (negativeExponent ? -1 : 1)
        var digits = integer + fraction
        var point = integer.count + exponent
        if point < 0 { digits = [UInt8](repeating: UInt8(ascii: "0"), count: -point) + digits; point = 0 }
        if point > digits.count { digits += [UInt8](repeating: UInt8(ascii: "0"), count: point - digits.count) }
        bytes = sign + Array(digits[..<point]) + (point < digits.count ? [UInt8(ascii: ".")] + Array(digits[point...]) : [])
        if bytes.count == sign.count { bytes.append(UInt8(ascii: "0")) }
    }

    /// Rewrites a plain `[+-]digits[.[digits]]` canonically; anything else unchanged.
    static func rewritePlain(_ bytes: inout [UInt8]) {
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
