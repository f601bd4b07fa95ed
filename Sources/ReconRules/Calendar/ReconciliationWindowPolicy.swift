/// How "the first week", inside which the reconciliation must be completed, is read: which month
/// it opens in, counted from the quarter's first month, and how long it lasts.
///
/// docs/rules.md *The window* (revised 2026-12): the window serving quarter Q is the first week of
/// the **month after Q** — the month in which Q is evaluated (第八条: 每季度次月第10个工作日出当季度
/// 评价结果). Indicator 10 (每季度第一周) and the 2023 annex's indicator 11 (每季度次月第一周) read
/// with 第八条 give one timeline: reconcile in working days 1–5 of that month, rectify in the 5
/// working days after the list, results on working day 10. "First week" = the first 5 working
/// days (default) or, as a named alternative, the first 7 calendar days. The earlier reading (the
/// first week of Q's own first month; the annex's 次月 as Q's second month) stays as named
/// policies for quarters stored under it (`recon.quarter_policies`).
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
    /// Which month the window opens in, counted from the quarter's first month: 3 = the month
    /// after the quarter (default), 0 = the quarter's own first month, 1 = its second month (the
    /// earlier reading of the 2023 annex).
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

    /// Default: the first 5 working days of the month after the quarter (docs/rules.md *The window*).
    public static let firstFiveWorkingDays = ReconciliationWindowPolicy(
        name: "first-5-working-days",
        summary: "每季度第一周 read as the first 5 working days of the month after the quarter (第八条's 次月; default)",
        monthOffset: 3, span: .workingDays(5))

    /// Alternative: the first 7 calendar days of the month after the quarter.
    public static let firstSevenCalendarDays = ReconciliationWindowPolicy(
        name: "first-7-calendar-days",
        summary: "每季度第一周 read as the first 7 calendar days of the month after the quarter",
        monthOffset: 3, span: .calendarDays(7))

    /// The earlier reading: the first 5 working days of the quarter's own first month.
    public static let ownQuarterFirstFiveWorkingDays = ReconciliationWindowPolicy(
        name: "own-quarter-first-5-working-days",
        summary: "每季度第一周 read as the first 5 working days of the quarter itself (the earlier reading)",
        monthOffset: 0, span: .workingDays(5))

    /// The earlier reading with 7 calendar days: the first 7 days of the quarter's own first month.
    public static let ownQuarterFirstSevenCalendarDays = ReconciliationWindowPolicy(
        name: "own-quarter-first-7-calendar-days",
        summary: "每季度第一周 read as the first 7 calendar days of the quarter itself (the earlier reading)",
        monthOffset: 0, span: .calendarDays(7))

    /// The earlier reading of the 2023 annex's indicator 11 (每季度次月第一周): the first 5 working
    /// days of the quarter's second month.
    public static let annex2023SecondMonthFirstWeek = ReconciliationWindowPolicy(
        name: "annex-2023-second-month",
        summary: "2023 annex 每季度次月第一周 read as the first 5 working days of the quarter's second month (the earlier reading)",
        monthOffset: 1, span: .workingDays(5))

    /// The named policies, default first.
    public static let all: [ReconciliationWindowPolicy] = [
        .firstFiveWorkingDays, .firstSevenCalendarDays, .ownQuarterFirstFiveWorkingDays, .ownQuarterFirstSevenCalendarDays,
        .annex2023SecondMonthFirstWeek,
    ]

    /// The same span in the quarter's own first month (the earlier attribution), for the
    /// month-after policies; nil otherwise.
    public var ownQuarterVariant: ReconciliationWindowPolicy? {
        switch self {
        case .firstFiveWorkingDays: return .ownQuarterFirstFiveWorkingDays
        case .firstSevenCalendarDays: return .ownQuarterFirstSevenCalendarDays
        default: return nil
        }
    }

    /// The quarter whose window under this policy would open in the month of `date`: the quarter
    /// of the month `monthOffset` months earlier (a date in October 2026 → 2026Q3 under the default,
    /// 2026Q4 under an own-quarter policy). Whether `date` lies inside that window is the window's
    /// to say (`ReconciliationWindow.contains`).
    public func servedQuarter(of date: CivilDate) -> Quarter {
        YearMonth(validYear: date.year, month: date.month).adding(months: -monthOffset).quarter
    }

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
