/// A calendar quarter: the evaluation period (第八条 "互联网道路运输便民政务服务质量评价工作按季度实行").
/// Written `YYYYQn` (e.g. `2026Q4` = October–December 2026).
public struct Quarter: Sendable, Hashable {
    /// The year, 1…9999.
    public let year: Int
    /// The quarter number, 1…4.
    public let number: Int

    /// Creates a quarter, refusing a year outside 1…9999 or a number outside 1…4.
    public init(year: Int, number: Int) throws {
        let text = "\(CivilDate.pad(year, 4))Q\(number)"
        guard (1...9999).contains(year) else {
            throw DateParseError(what: "quarter", input: text, reason: "year \(year) is out of 1…9999")
        }
        guard (1...4).contains(number) else {
            throw DateParseError(what: "quarter", input: text, reason: "quarter \(number) is out of 1…4")
        }
        self.year = year
        self.number = number
    }

    /// Creates a quarter from parts already known to be valid.
    init(validYear year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    /// The quarter holding `date`.
    public init(containing date: CivilDate) {
        self.init(validYear: date.year, number: (date.month - 1) / 3 + 1)
    }

    /// Reads `YYYYQn` strictly: four digits, `Q` (or `q`), one digit 1…4. Example: `2026Q4`.
    public static func parse(_ text: String) throws -> Quarter {
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes[4] == 0x51 || bytes[4] == 0x71,
              let year = DigitScanner.number(bytes, at: 0, count: 4),
              let number = DigitScanner.number(bytes, at: 5, count: 1)
        else {
            throw DateParseError(what: "quarter", input: text, reason: "expected YYYYQn, e.g. 2026Q4")
        }
        do {
            return try Quarter(year: year, number: number)
        } catch let error as DateParseError {
            throw DateParseError(what: "quarter", input: text, reason: error.reason + " (expected YYYYQn, e.g. 2026Q4)")
        }
    }

    /// The first month (January, April, July or October).
    public var firstMonth: YearMonth { YearMonth(validYear: year, month: (number - 1) * 3 + 1) }

    /// The three months, in order.
    public var months: [YearMonth] { [firstMonth, firstMonth.adding(months: 1), firstMonth.adding(months: 2)] }

    /// The last month (March, June, September or December).
    public var lastMonth: YearMonth { firstMonth.adding(months: 2) }

    /// The first day (1 Jan, 1 Apr, 1 Jul or 1 Oct).
    public var firstDay: CivilDate { firstMonth.firstDay }

    /// The last day (31 Mar, 30 Jun, 30 Sep or 31 Dec).
    public var lastDay: CivilDate { lastMonth.lastDay }

    /// All days of the quarter, in order.
    public var days: ClosedRange<CivilDate> { firstDay...lastDay }

    /// The month after the quarter (次月 in 第八条: "每季度次月第10个工作日出当季度评价结果").
    public var monthAfter: YearMonth { firstMonth.adding(months: 3) }

    /// The following quarter (2026Q4 → 2027Q1).
    public var next: Quarter { adding(quarters: 1) }

    /// The preceding quarter (2026Q1 → 2025Q4).
    public var previous: Quarter { adding(quarters: -1) }

    /// The quarter `quarters` quarters later (earlier when negative).
    public func adding(quarters: Int) -> Quarter {
        let index = year * 4 + (number - 1) + quarters
        let y = index >= 0 ? index / 4 : (index - 3) / 4
        return Quarter(validYear: y, number: index - y * 4 + 1)
    }

    /// True when `date` lies in the quarter.
    public func contains(_ date: CivilDate) -> Bool { Quarter(containing: date) == self }
}

extension Quarter: Comparable {
    /// Earlier quarters sort first.
    public static func < (lhs: Quarter, rhs: Quarter) -> Bool {
        (lhs.year, lhs.number) < (rhs.year, rhs.number)
    }
}

extension Quarter: CustomStringConvertible, LosslessStringConvertible {
    /// `YYYYQn`.
    public var description: String { "\(CivilDate.pad(year, 4))Q\(number)" }

    /// Reads `YYYYQn`; nil when invalid (use `parse(_:)` for the reason).
    public init?(_ description: String) {
        guard let value = try? Quarter.parse(description) else { return nil }
        self = value
    }
}

extension Quarter: Codable {
    /// Decodes from a `YYYYQn` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Quarter.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error)")
        }
    }

    /// Encodes as a `YYYYQn` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
