/// How "the first week" of a quarter, inside which the reconciliation must be completed, is read.
///
/// Indicator 10 (2022 text): "未在每季度第一周完成数据对账的省份，得0分". docs/rules.md *The window*:
/// "Default reading of 'first week': the first 5 working days of the quarter … Keep 'first 7
/// calendar days' as a named alternative." Indicator 11 in the 2023 annex: "未在每季度**次月**第一周
/// 完成数据对账的省份，得0分" — docs/rules.md reads it as "the first week of the quarter's second
/// month" and keeps it as a second named policy. (第八条 uses 次月 for "the month after the
/// quarter"; that reading is `init(name:summary:monthOffset:span:)` with `monthOffset: 3`.)
///
/// The window runs from 00:00 Beijing of the first day of the chosen month to 24:00 of its last
/// counted day; see `ReconciliationWindow`.
public struct ReconciliationWindowPolicy: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How long the window is.
    public enum Span: Sendable, Hashable, Codable {
        /// The first `n` working days of the month.
        case workingDays(Int)
        /// The first `n` calendar days of the month.
        case calendarDays(Int)
    }

    /// A stable identifier for configuration, the command line and stored results.
    public let name: String
    /// A one-line explanation with the source.
    public let summary: String
    /// Which month the window opens in, counted from the quarter's first month: 0 = the first
    /// month (default), 1 = the second month (2023 annex), 3 = the month after the quarter.
    public let monthOffset: Int
    /// How long the window is.
    public let span: Span

    /// Creates a policy (use the named ones unless a new notice says otherwise).
    public init(name: String, summary: String, monthOffset: Int, span: Span) {
        self.name = name
        self.summary = summary
        self.monthOffset = monthOffset
        self.span = span
    }

    /// Default: the first 5 working days of the quarter (docs/rules.md *The window*).
    public static let firstFiveWorkingDays = ReconciliationWindowPolicy(
        name: "first-5-working-days",
        summary: "每季度第一周 read as the first 5 working days of the quarter (default)",
        monthOffset: 0, span: .workingDays(5))

    /// Alternative: the first 7 calendar days of the quarter.
    public static let firstSevenCalendarDays = ReconciliationWindowPolicy(
        name: "first-7-calendar-days",
        summary: "每季度第一周 read as the first 7 calendar days of the quarter",
        monthOffset: 0, span: .calendarDays(7))

    /// 2023 annex, indicator 11: the first week (5 working days) of the quarter's second month.
    public static let annex2023SecondMonthFirstWeek = ReconciliationWindowPolicy(
        name: "annex-2023-second-month",
        summary: "2023 annex 每季度次月第一周 read as the first 5 working days of the quarter's second month",
        monthOffset: 1, span: .workingDays(5))

    /// The named policies, default first.
    public static let all: [ReconciliationWindowPolicy] = [
        .firstFiveWorkingDays, .firstSevenCalendarDays, .annex2023SecondMonthFirstWeek,
    ]

    /// The named policy called `name`; throws listing the valid names otherwise.
    public static func named(_ name: String) throws -> ReconciliationWindowPolicy {
        guard let policy = all.first(where: { $0.name == name }) else {
            throw WorkdayCalendarError.unknownPolicy(name: name, known: all.map(\.name))
        }
        return policy
    }

    /// The name.
    public var description: String { name }
}
