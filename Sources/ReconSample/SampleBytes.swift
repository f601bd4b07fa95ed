/// Writing numbers, dates and Beijing timestamps as ASCII bytes without building strings.
import ReconRules
import ReconKit

enum SampleBytes {
    /// Appends `value` (0 ≤ value < 10^18) in decimal, zero-padded to at least `width` digits.
    @inline(__always)
    static func appendDecimal(_ value: Int, width: Int = 0, to buffer: inout [UInt8]) {
        precondition(value >= 0 && value < 1_000_000_000_000_000_000, "appendDecimal: \(value) is out of range")
        var digits = 1
        var divisor = 1
        while divisor <= value / 10 {
            divisor *= 10
            digits += 1
        }
        if width > digits {
            for _ in digits..<width { buffer.append(0x30) }
        }
        var rest = value
        while divisor > 0 {
            buffer.append(UInt8(truncatingIfNeeded: 0x30 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Appends `YYYY-MM-DD` for a day number (days since 1970-01-01).
    @inline(__always)
    static func appendDate(dayNumber: Int, to buffer: inout [UInt8]) {
        let date = CivilDate(dayNumber: dayNumber)
        appendDecimal(date.year, width: 4, to: &buffer)
        buffer.append(0x2D)
        appendDecimal(date.month, width: 2, to: &buffer)
        buffer.append(0x2D)
        appendDecimal(date.day, width: 2, to: &buffer)
    }

    /// Appends a Beijing timestamp `YYYY-MM-DD hh:mm:ss+08` for seconds since 1970-01-01T00:00:00Z
    /// (the form PostgreSQL reads into `timestamptz` whatever the session's time zone).
    @inline(__always)
    static func appendBeijingTimestamp(secondsSince1970 seconds: Int64, to buffer: inout [UInt8]) {
        let local = Int(seconds) + BeijingTime.utcOffsetSeconds
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let ofDay = local - day * 86_400
        appendDate(dayNumber: day, to: &buffer)
        buffer.append(0x20)
        appendDecimal(ofDay / 3600, width: 2, to: &buffer)
        buffer.append(0x3A)
        appendDecimal(ofDay / 60 % 60, width: 2, to: &buffer)
        buffer.append(0x3A)
        appendDecimal(ofDay % 60, width: 2, to: &buffer)
        buffer.append(contentsOf: plus08)
    }

    /// `+08`.
    static let plus08: [UInt8] = Array("+08".utf8)

    /// The day number (days since 1970-01-01) of a calendar date that exists, without the
    /// validating initialiser (which formats an error text eagerly: too slow per row).
    static func dayNumber(_ year: Int, _ month: Int, _ day: Int) -> Int {
        CivilDate.dayNumber(year: year, month: month, day: day)
    }

    /// `dayNumber` moved by `years` calendar years (29 February becomes 28 February).
    static func adding(years: Int, to dayNumber: Int) -> Int {
        let date = CivilDate(dayNumber: dayNumber)
        let year = date.year + years
        let day = min(date.day, CivilDate.daysInMonth(year: year, month: date.month))
        return Self.dayNumber(year, date.month, day)
    }
}
