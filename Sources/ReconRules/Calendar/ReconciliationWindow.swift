import Foundation

/// The window of a quarter inside which the official reconciliation must be completed.
///
/// docs/rules.md *The window*: "A quarter's official reconciliation is the first run for that
/// province that completed inside the window". The window is a span of time: from 00:00 Beijing
/// of the first day of the month the policy names (e.g. 1 October) to 24:00 of the last counted
/// day. A run completed on a day off before that end (e.g. during the National Day holiday) is
/// inside; the working days only fix where the window ends.
public struct ReconciliationWindow: Sendable, Hashable, CustomStringConvertible {
    /// The quarter.
    public let quarter: Quarter
    /// The policy used.
    public let policy: ReconciliationWindowPolicy
    /// The counted days: the working days for a working-day span, every day for a calendar span.
    public let countedDays: [CivilDate]
    /// The first day of the window (the 1st of the month the policy names).
    public let firstDay: CivilDate
    /// 00:00 Beijing of `firstDay` (inclusive).
    public let start: Date
    /// 00:00 Beijing of the day after the last counted day (exclusive) = 24:00 of that day.
    public let end: Date
    /// Unknown years assumed to be ordinary Monday–Friday weeks (empty unless opted in).
    public let assumedYears: [Int]

    /// The last counted day: the window ends at its 24:00.
    public var lastDay: CivilDate { countedDays[countedDays.count - 1] }

    /// True when the window rests on the ordinary-weeks assumption for an unknown year.
    public var usedOrdinaryWeekendAssumption: Bool { !assumedYears.isEmpty }

    /// True when `instant` lies in the window: `start <= instant < end`.
    public func contains(_ instant: Date) -> Bool { start <= instant && instant < end }

    /// E.g. `2026Q3 window (first-5-working-days): 2026-10-01 00:00 – 2026-10-13 24:00 Beijing`.
    public var description: String {
        let note = usedOrdinaryWeekendAssumption
            ? " [ASSUMED ordinary weeks for \(assumedYears.map(String.init).joined(separator: ", "))]" : ""
        return "\(quarter) window (\(policy.name)): \(firstDay) 00:00 – \(lastDay) 24:00 Beijing\(note)"
    }
}

extension WorkdayCalendar {
    /// The reconciliation window of `quarter` under `policy` (default: the first 5 working days of
    /// the month after the quarter). A calendar-day policy needs no notice, so it never throws for
    /// an unknown year.
    ///
    /// Example: 2026Q3's window is in October 2026 (the month after Q3), which opens with the
    /// National Day holiday (Oct 1–7) and a make-up Saturday on Oct 10, so the first 5 working
    /// days are Oct 8, 9, 10, 12, 13 (under `own-quarter-first-5-working-days` these are 2026Q4's).
    public func reconciliationWindow(_ quarter: Quarter, policy: ReconciliationWindowPolicy = .firstFiveWorkingDays) throws
        -> ReconciliationWindow
    {
        let month = quarter.firstMonth.adding(months: policy.monthOffset)
        let counted: CalendarAnswer<[CivilDate]>
        switch policy.span {
        case .workingDays(let n):
            counted = try firstWorkingDays(n, of: month)
        case .calendarDays(let n):
            try Self.checkCount(n, what: "the number of calendar days of the window", range: 1...month.numberOfDays)
            counted = CalendarAnswer(value: (0..<n).map { month.firstDay.adding(days: $0) }, assumedYears: [])
        }
        let lastDay = counted.value[counted.value.count - 1]
        return ReconciliationWindow(quarter: quarter, policy: policy, countedDays: counted.value,
                                    firstDay: month.firstDay, start: BeijingTime.startOfDay(month.firstDay),
                                    end: BeijingTime.endOfDay(lastDay), assumedYears: counted.assumedYears)
    }

    /// The window of `quarter` under `policy` when it opens no later than `date`; nil for a window
    /// still to come (computing it could need a holiday notice not published yet: 2026Q4's window
    /// opens in January 2027).
    public func reconciliationWindow(_ quarter: Quarter, policy: ReconciliationWindowPolicy, openedBy date: CivilDate) throws
        -> ReconciliationWindow?
    {
        guard quarter.firstMonth.adding(months: policy.monthOffset).firstDay <= date else { return nil }
        return try reconciliationWindow(quarter, policy: policy)
    }
}
