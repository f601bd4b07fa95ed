import Foundation

extension BeijingTime {
    /// Reads an ISO 8601 / RFC 3339 timestamp with an explicit offset:
    /// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, e.g. `2025-09-30T10:00:00+08:00` or
    /// `2025-09-27T16:30:00Z`. `T` may be written `t` or a space, `Z` may be `z`; the fraction has
    /// 1…9 digits (kept to the microsecond, further digits are truncated). A timestamp without an
    /// offset is refused: its meaning would depend on a guess.
    public static func parseTimestamp(_ text: String) throws -> Date {
        let bytes = Array(text.utf8)
        func fail(_ reason: String) -> DateParseError {
            DateParseError(what: "timestamp", input: text,
                           reason: reason + " (expected YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM))")
        }
        guard bytes.count >= 19 else { throw fail("too short") }
        let date: CivilDate
        do {
            date = try CivilDate.parse(String(decoding: bytes[0..<10], as: UTF8.self))
        } catch let error as DateParseError {
            throw fail(error.reason)
        }
        guard bytes[10] == 0x54 || bytes[10] == 0x74 || bytes[10] == 0x20 else {
            throw fail("date and time must be separated by 'T'")
        }
        guard bytes[13] == 0x3A, bytes[16] == 0x3A,
              let hour = DigitScanner.number(bytes, at: 11, count: 2),
              let minute = DigitScanner.number(bytes, at: 14, count: 2),
              let second = DigitScanner.number(bytes, at: 17, count: 2)
        else { throw fail("bad time of day") }
        guard hour <= 23, minute <= 59, second <= 59 else { throw fail("time of day out of range") }

        var index = 19
        var microsecond = 0
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                if digits < 6 { microsecond = microsecond * 10 + Int(bytes[index] - 0x30) }
                digits += 1
                index += 1
            }
            guard (1...9).contains(digits) else { throw fail("the fraction of a second needs 1…9 digits") }
            if digits < 6 { for _ in digits..<6 { microsecond *= 10 } }
        }

        let offsetSeconds: Int
        let rest = Array(bytes[index...])
        if rest == [0x5A] || rest == [0x7A] {
            offsetSeconds = 0
        } else if rest.count == 6, rest[0] == 0x2B || rest[0] == 0x2D, rest[3] == 0x3A,
                  let oh = DigitScanner.number(rest, at: 1, count: 2),
                  let om = DigitScanner.number(rest, at: 4, count: 2), oh <= 23, om <= 59 {
            offsetSeconds = (rest[0] == 0x2D ? -1 : 1) * (oh * 3600 + om * 60)
        } else if rest.isEmpty {
            throw fail("the offset is missing")
        } else {
            throw fail("bad offset '\(String(decoding: rest, as: UTF8.self))'")
        }

        let local = Int64(date.dayNumber) * Int64(secondsPerDay) + Int64(hour * 3600 + minute * 60 + second)
        let micros = (local - Int64(offsetSeconds)) * 1_000_000 + Int64(microsecond)
        return instant(microsecondsSince1970: micros)
    }
}
