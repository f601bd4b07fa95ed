/// The `date` and `timestamp` steps: recognise a date or date-time written in one of the forms seen
/// in real copies and rewrite it canonically, in place.
///
/// docs/identifiers.md: "dates as `YYYYMMDD`, `YYYY-MM-DD`, `YYYY-MM-DD hh:mm:ss`, or unpadded
/// `YYYY-M-D`". Accepted (Beijing time throughout; no zone designators):
/// - `YYYYMMDD` and `YYYYMMDDhhmmss` (all digits);
/// - `YYYY-M[M]-D[D]`, `YYYY/M[M]/D[D]` or `YYYY.M[M].D[D]` (the same separator twice), or
///   `YYYY年M[M]月D[D]日`, optionally followed by one space or `T` (none needed after 日) and
///   `h[h]:mm`, `h[h]:mm:ss` or `h[h]:mm:ss.f` (1–9 fraction digits).
/// The date must exist (year 0001–9999) and the time be 00:00:00–23:59:59; otherwise the value is
/// left unchanged, so that it still differs from a real date.
enum DateTimeForm {
    /// A parsed date-time; `fraction` holds `fractionDigits` decimal digits of a second.
    struct Parsed: Equatable {
        var year = 0, month = 0, day = 0
        var hour = 0, minute = 0, second = 0
        var fraction = 0, fractionDigits = 0
    }

    /// Rewrites `bytes` as `YYYY-MM-DD` (`keepTime == false`) or `YYYY-MM-DD hh:mm:ss[.f…]`
    /// (`keepTime == true`) if it parses; otherwise leaves it.
    static func rewrite(_ bytes: inout [UInt8], keepTime: Bool) {
        guard let parsed = bytes.withUnsafeBufferPointer({ parse($0) }) else { return }
        bytes.removeAll(keepingCapacity: true)
        append(parsed.year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        append(parsed.month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        append(parsed.day, width: 2, to: &bytes)
        guard keepTime else { return }
        bytes.append(UInt8(ascii: " "))
        append(parsed.hour, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        append(parsed.minute, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        append(parsed.second, width: 2, to: &bytes)
        // The fraction without trailing zeros; none at all when it is zero.
        var fraction = parsed.fraction, digits = parsed.fractionDigits
        while digits > 0, fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        if digits > 0 {
            bytes.append(UInt8(ascii: "."))
            append(fraction, width: digits, to: &bytes)
        }
    }

    /// Parses one of the accepted forms, or returns nil.
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Parsed? {
        var result = Parsed()
        var cursor = Cursor(text: text)
        let count = text.count

        if count == 8 || count == 14, text.allSatisfy(isDigit) {
            result.year = cursor.number(exactly: 4)!
            result.month = cursor.number(exactly: 2)!
            result.day = cursor.number(exactly: 2)!
            if count == 14 {
                result.hour = cursor.number(exactly: 2)!
                result.minute = cursor.number(exactly: 2)!
                result.second = cursor.number(exactly: 2)!
            }
            return isValid(result) ? result : nil
        }

        guard let year = cursor.number(exactly: 4) else { return nil }
        var chinese = false
        if cursor.take(sequence: Self.nian) {
            guard let month = cursor.number(from: 1, to: 2), cursor.take(sequence: Self.yue),
                  let day = cursor.number(from: 1, to: 2), cursor.take(sequence: Self.ri) else { return nil }
            (result.month, result.day, chinese) = (month, day, true)
        } else {
            guard let separator = cursor.take(oneOf: UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ".")),
                  let month = cursor.number(from: 1, to: 2),
                  cursor.take(separator),
                  let day = cursor.number(from: 1, to: 2)
            else { return nil }
            (result.month, result.day) = (month, day)
        }
        result.year = year

        if !cursor.atEnd {
            guard cursor.take(oneOf: UInt8(ascii: " "), UInt8(ascii: "T")) != nil || chinese,
                  let hour = cursor.number(from: 1, to: 2),
                  cursor.take(UInt8(ascii: ":")),
                  let minute = cursor.number(exactly: 2)
            else { return nil }
            result.hour = hour
            result.minute = minute
            if cursor.take(UInt8(ascii: ":")) {
                guard let second = cursor.number(exactly: 2) else { return nil }
                result.second = second
                if cursor.take(UInt8(ascii: ".")) {
                    let start = cursor.position
                    guard let fraction = cursor.number(from: 1, to: 9) else { return nil }
                    result.fraction = fraction
                    result.fractionDigits = cursor.position - start
                }
            }
            guard cursor.atEnd else { return nil }
        }
        return isValid(result) ? result : nil
    }

    /// Whether the parsed fields name a real date and time of day.
    static func isValid(_ parsed: Parsed) -> Bool {
        CivilDate.isValid(year: parsed.year, month: parsed.month, day: parsed.day)
            && (0...23).contains(parsed.hour) && (0...59).contains(parsed.minute) && (0...59).contains(parsed.second)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// 年, 月, 日 in UTF-8.
    static let nian: [UInt8] = Array("年".utf8), yue: [UInt8] = Array("月".utf8), ri: [UInt8] = Array("日".utf8)

    /// Appends `value` as exactly `width` digits (leading zeros; `value` fits).
    private static func append(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<max(width, 1) { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(0x30 + rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    /// A read position in the text.
    private struct Cursor {
        let text: UnsafeBufferPointer<UInt8>
        var position = 0

        var atEnd: Bool { position == text.count }

        /// Consumes `byte` if it is next.
        mutating func take(_ byte: UInt8) -> Bool {
            guard position < text.count, text[position] == byte else { return false }
            position += 1
            return true
        }

        /// Consumes and returns the next byte if it is one of `choices`.
        mutating func take(oneOf choices: UInt8...) -> UInt8? {
            guard position < text.count, choices.contains(text[position]) else { return nil }
            position += 1
            return text[position - 1]
        }

        /// Consumes `bytes` if they come next.
        mutating func take(sequence bytes: [UInt8]) -> Bool {
            guard position + bytes.count <= text.count,
                  (0..<bytes.count).allSatisfy({ text[position + $0] == bytes[$0] }) else { return false }
            position += bytes.count
            return true
        }

        /// Consumes `minimum`…`maximum` digits (as many as there are, up to `maximum`).
        mutating func number(from minimum: Int, to maximum: Int) -> Int? {
            var value = 0, length = 0
            while length < maximum, position < text.count, isDigit(text[position]) {
                value = value * 10 + Int(text[position] - 0x30)
                position += 1
                length += 1
            }
            return length >= minimum ? value : nil
        }

        /// Consumes exactly `length` digits.
        mutating func number(exactly length: Int) -> Int? {
            let start = position
            guard let value = number(from: length, to: length) else {
                position = start
                return nil
            }
            return value
        }
    }
}
