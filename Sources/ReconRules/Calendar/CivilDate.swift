/// A calendar date (proleptic Gregorian) with no time and no time zone: a day as printed on a
/// Beijing calendar. Written and read as `YYYY-MM-DD`.
///
/// The arithmetic is pure integer math on a day number (days since 1970-01-01), so no Foundation
/// `Calendar` or system time zone is involved.
public struct CivilDate: Sendable, Hashable {
    /// The year, 1…9999.
    public let year: Int
    /// The month, 1…12.
    public let month: Int
    /// The day of the month, 1…28/29/30/31.
    public let day: Int

    /// Creates a date, refusing a month or day that does not exist (2025-02-29, 2025-13-01).
    public init(year: Int, month: Int, day: Int) throws {
        let text = CivilDate.format(year: year, month: month, day: day)
        guard (1...9999).contains(year) else {
            throw DateParseError(what: "date", input: text, reason: "year \(year) is out of 1…9999")
        }
        guard (1...12).contains(month) else {
            throw DateParseError(what: "date", input: text, reason: "month \(month) is out of 1…12")
        }
        let last = CivilDate.daysInMonth(year: year, month: month)
        guard (1...last).contains(day) else {
            throw DateParseError(
                what: "date", input: text,
                reason: "day \(day) is out of 1…\(last) for \(YearMonth.format(year: year, month: month))")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates the date of a day number (days since 1970-01-01, which is day 0).
    public init(dayNumber: Int) {
        // Howard Hinnant's `civil_from_days`, exact for every Int day number in range.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Reads `YYYY-MM-DD` strictly: exactly four, two and two ASCII digits with `-` between, and
    /// a date that exists.
    public static func parse(_ text: String) throws -> CivilDate {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
              let year = DigitScanner.number(bytes, at: 0, count: 4),
              let month = DigitScanner.number(bytes, at: 5, count: 2),
              let day = DigitScanner.number(bytes, at: 8, count: 2)
        else {
            throw DateParseError(what: "date", input: text, reason: "expected YYYY-MM-DD")
        }
        do {
            return try CivilDate(year: year, month: month, day: day)
        } catch let error as DateParseError {
            throw DateParseError(what: "date", input: text, reason: error.reason + " (expected YYYY-MM-DD)")
        }
    }

    /// The day number: days since 1970-01-01 (negative before it).
    public var dayNumber: Int { Self.dayNumber(year: year, month: month, day: day) }

    /// The day number of year/month/day without validating them (callers that already know the
    /// date exists, e.g. per-row generation): Howard Hinnant's `days_from_civil`.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day of the week (1970-01-01 was a Thursday).
    public var weekday: Weekday {
        let index = ((dayNumber + 3) % 7 + 7) % 7  // 0 = Monday
        return Weekday(rawValue: index + 1)!
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// The next day.
    public var next: CivilDate { adding(days: 1) }

    /// The previous day.
    public var previous: CivilDate { adding(days: -1) }

    /// The number of days from `other` to this date (positive when this date is later).
    public func days(since other: CivilDate) -> Int { dayNumber - other.dayNumber }

    /// The month holding this date.
    public var yearMonth: YearMonth { YearMonth(validYear: year, month: month) }

    /// The quarter holding this date.
    public var quarter: Quarter { Quarter(containing: self) }

    /// True in leap years of the Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days of a month (28…31); 0 for a month outside 1…12.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// Whether year/month/day name a real date (year 1–9999), without building an error.
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...9999).contains(year) && day >= 1 && day <= daysInMonth(year: year, month: month)
    }

    /// Zero-padded `YYYY-MM-DD` of any three numbers (used for messages about invalid dates too).
    static func format(year: Int, month: Int, day: Int) -> String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `value` left-padded with zeros to `width` digits (a sign is kept in front).
    package static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }
}

extension CivilDate: Comparable {
    /// Earlier dates sort first.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension CivilDate: Strideable {
    /// The number of days from this date to `other`.
    public func distance(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

    /// The date `n` days later.
    public func advanced(by n: Int) -> CivilDate { adding(days: n) }
}

extension CivilDate: CustomStringConvertible, LosslessStringConvertible {
    /// `YYYY-MM-DD`.
    public var description: String { CivilDate.format(year: year, month: month, day: day) }

    /// Reads `YYYY-MM-DD`; nil when invalid (use `parse(_:)` for the reason).
    public init?(_ description: String) {
        guard let date = try? CivilDate.parse(description) else { return nil }
        self = date
    }
}

extension CivilDate: Codable {
    /// Decodes from a `YYYY-MM-DD` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try CivilDate.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error)")
        }
    }

    /// Encodes as a `YYYY-MM-DD` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
