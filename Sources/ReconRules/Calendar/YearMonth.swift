/// A calendar month of a year, written `YYYY-MM` (e.g. `2025-10`).
public struct YearMonth: Sendable, Hashable {
    /// The year, 1…9999.
    public let year: Int
    /// The month, 1…12.
    public let month: Int

    /// Creates a month, refusing a year outside 1…9999 or a month outside 1…12.
    public init(year: Int, month: Int) throws {
        let text = YearMonth.format(year: year, month: month)
        guard (1...9999).contains(year) else {
            throw DateParseError(what: "month", input: text, reason: "year \(year) is out of 1…9999")
        }
        guard (1...12).contains(month) else {
            throw DateParseError(what: "month", input: text, reason: "month \(month) is out of 1…12")
        }
        self.year = year
        self.month = month
    }

    /// Creates a month from parts already known to be valid.
    init(validYear year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Reads `YYYY-MM` strictly (four digits, `-`, two digits).
    public static func parse(_ text: String) throws -> YearMonth {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == 0x2D,
              let year = DigitScanner.number(bytes, at: 0, count: 4),
              let month = DigitScanner.number(bytes, at: 5, count: 2)
        else {
            throw DateParseError(what: "month", input: text, reason: "expected YYYY-MM")
        }
        do {
            return try YearMonth(year: year, month: month)
        } catch let error as DateParseError {
            throw DateParseError(what: "month", input: text, reason: error.reason + " (expected YYYY-MM)")
        }
    }

    /// The first day of the month.
    public var firstDay: CivilDate { CivilDate(dayNumber: firstDayNumber) }

    /// The last day of the month.
    public var lastDay: CivilDate { CivilDate(dayNumber: firstDayNumber + numberOfDays - 1) }

    /// All days of the month, in order.
    public var days: ClosedRange<CivilDate> { firstDay...lastDay }

    /// The number of days (28…31).
    public var numberOfDays: Int { CivilDate.daysInMonth(year: year, month: month) }

    /// The following month.
    public var next: YearMonth { adding(months: 1) }

    /// The preceding month.
    public var previous: YearMonth { adding(months: -1) }

    /// The month `months` months later (earlier when negative).
    public func adding(months: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        return YearMonth(validYear: y, month: index - y * 12 + 1)
    }

    /// The quarter holding this month.
    public var quarter: Quarter { Quarter(validYear: year, number: (month - 1) / 3 + 1) }

    private var firstDayNumber: Int {
        // The first of a valid month always exists.
        (try! CivilDate(year: year, month: month, day: 1)).dayNumber
    }

    /// Zero-padded `YYYY-MM` of any two numbers.
    static func format(year: Int, month: Int) -> String {
        "\(CivilDate.pad(year, 4))-\(CivilDate.pad(month, 2))"
    }
}

extension YearMonth: Comparable {
    /// Earlier months sort first.
    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}

extension YearMonth: CustomStringConvertible, LosslessStringConvertible {
    /// `YYYY-MM`.
    public var description: String { YearMonth.format(year: year, month: month) }

    /// Reads `YYYY-MM`; nil when invalid (use `parse(_:)` for the reason).
    public init?(_ description: String) {
        guard let value = try? YearMonth.parse(description) else { return nil }
        self = value
    }
}

extension YearMonth: Codable {
    /// Decodes from a `YYYY-MM` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try YearMonth.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error)")
        }
    }

    /// Encodes as a `YYYY-MM` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
