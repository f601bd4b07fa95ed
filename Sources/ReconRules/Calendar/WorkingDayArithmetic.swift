extension WorkdayCalendar {
    /// The largest count the counting functions accept (about 400 years of working days).
    public static let maximumWorkingDayCount = 100_000

    /// The working day `n` working days after `date`: day 1 is the first working day AFTER
    /// `date`, whatever `date` itself is (a holiday, a weekend, a make-up working day). `n = 0`
    /// gives `date` itself. Example: 5 working days after 2025-09-30 is 2025-10-14.
    public func addingWorkingDays(_ n: Int, to date: CivilDate) throws -> CalendarAnswer<CivilDate> {
        let days = try workingDays(after: date, count: n)
        return CalendarAnswer(value: days.value.last ?? date, assumedYears: days.assumedYears)
    }

    /// The first `count` working days after `date` (day 1 … day `count`), in order.
    public func workingDays(after date: CivilDate, count: Int) throws -> CalendarAnswer<[CivilDate]> {
        try Self.checkCount(count, what: "the number of working days", range: 0...Self.maximumWorkingDayCount)
        return try collectWorkingDays(count, from: date.next, through: nil, period: "after \(date)")
    }

    /// The working days from `first` through `last` (both included), in order.
    public func workingDays(from first: CivilDate, through last: CivilDate) throws -> CalendarAnswer<[CivilDate]> {
        var assumed = Set<Int>()
        var result: [CivilDate] = []
        if first <= last {
            for day in first...last {
                if try status(day, assumed: &assumed).isWorkingDay { result.append(day) }
            }
        }
        return CalendarAnswer(value: result, assumedYears: assumed.sorted())
    }

    /// The `n`-th working day of `month` (n ≥ 1). Example: the 10th working day of 2025-10 is
    /// 2025-10-21. Throws `notEnoughWorkingDays` when the month has fewer.
    public func workingDay(_ n: Int, of month: YearMonth) throws -> CalendarAnswer<CivilDate> {
        try Self.checkCount(n, what: "the working day's number in the month", range: 1...31)
        let days = try collectWorkingDays(n, from: month.firstDay, through: month.lastDay, period: "\(month)")
        return CalendarAnswer(value: days.value[n - 1], assumedYears: days.assumedYears)
    }

    /// The first `n` working days of `quarter` (n ≥ 1), in order. Throws `notEnoughWorkingDays`
    /// when the quarter has fewer.
    public func firstWorkingDays(_ n: Int, of quarter: Quarter) throws -> CalendarAnswer<[CivilDate]> {
        try Self.checkCount(n, what: "the number of working days of the quarter", range: 1...92)
        return try collectWorkingDays(n, from: quarter.firstDay, through: quarter.lastDay, period: "\(quarter)")
    }

    /// The first `n` working days of `month` (n ≥ 1), in order.
    public func firstWorkingDays(_ n: Int, of month: YearMonth) throws -> CalendarAnswer<[CivilDate]> {
        try Self.checkCount(n, what: "the number of working days of the month", range: 1...31)
        return try collectWorkingDays(n, from: month.firstDay, through: month.lastDay, period: "\(month)")
    }

    /// The first `n` working days on or after `start` (and not after `limit`, when given).
    func collectWorkingDays(_ n: Int, from start: CivilDate, through limit: CivilDate?, period: String) throws
        -> CalendarAnswer<[CivilDate]>
    {
        var assumed = Set<Int>()
        var result: [CivilDate] = []
        result.reserveCapacity(n)
        var day = start
        while result.count < n {
            if let limit, day > limit {
                throw WorkdayCalendarError.notEnoughWorkingDays(period: period, wanted: n, found: result.count)
            }
            if try status(day, assumed: &assumed).isWorkingDay { result.append(day) }
            day = day.next
        }
        return CalendarAnswer(value: result, assumedYears: assumed.sorted())
    }

    /// Throws `invalidCount` when `count` is outside `range`.
    static func checkCount(_ count: Int, what: String, range: ClosedRange<Int>) throws {
        guard range.contains(count) else {
            throw WorkdayCalendarError.invalidCount(what: what, count: count,
                                                    allowed: "\(range.lowerBound)…\(range.upperBound)")
        }
    }
}
