extension WorkdayCalendar {
    /// The working day of the month after the quarter on which the results are due.
    /// 第八条: "每季度次月第10个工作日出当季度评价结果".
    public static let resultsDueWorkingDay = 10

    /// The length of the public notice (第十一条: "公示期为5个工作日").
    public static let publicNoticeWorkingDays = 5

    /// The day the quarter's results are due: the 10th working day of the month after the
    /// quarter (第八条). Example: 2026Q3 → 2026-10-20.
    public func resultsDueDate(_ quarter: Quarter) throws -> CalendarAnswer<CivilDate> {
        try workingDay(Self.resultsDueWorkingDay, of: quarter.monthAfter)
    }

    /// The working days of the public notice of the quarter's results (第十一条:
    /// "评价结果在便民政务系统上予以公示，公示期为5个工作日").
    ///
    /// **Reading (this project's choice):** the results are published on the due date and the
    /// notice starts that day, so the due date is notice day 1 and the notice lasts through the
    /// 4th working day after it (5 working days in all). Example: 2026Q3 → due Tue 2026-10-20,
    /// notice Oct 20, 21, 22, 23, 26.
    public func publicNoticePeriod(_ quarter: Quarter) throws -> CalendarAnswer<[CivilDate]> {
        let due = try resultsDueDate(quarter)
        let rest = try workingDays(after: due.value, count: Self.publicNoticeWorkingDays - 1)
        return CalendarAnswer(value: [due.value] + rest.value,
                              assumedYears: Array(Set(due.assumedYears + rest.assumedYears)).sorted())
    }

    /// The last day of the public notice (see `publicNoticePeriod(_:)` for the reading): the
    /// notice ends at 24:00 of this day. Example: 2026Q3 → 2026-10-26.
    public func publicNoticeEnd(_ quarter: Quarter) throws -> CalendarAnswer<CivilDate> {
        let period = try publicNoticePeriod(quarter)
        return CalendarAnswer(value: period.value[period.value.count - 1], assumedYears: period.assumedYears)
    }

    /// The last day of a public notice that starts on `date` (notice day 1 is `date` when it is a
    /// working day, else the next working day): used when the draft is put on notice after the
    /// results date, so that the provinces still get 5 working days to object (docs/rules.md,
    /// "Public notice").
    public func publicNoticeEnd(startingOn date: CivilDate) throws -> CalendarAnswer<CivilDate> {
        let first = try isWorkingDay(date) ? CalendarAnswer(value: date, assumedYears: []) : try addingWorkingDays(1, to: date)
        let rest = try workingDays(after: first.value, count: Self.publicNoticeWorkingDays - 1)
        return CalendarAnswer(value: rest.value[rest.value.count - 1],
                              assumedYears: Array(Set(first.assumedYears + rest.assumedYears)).sorted())
    }

    /// The notice end of a draft of `quarter` put on notice on `date`: the quarter's own notice
    /// end (第十一条), or — for a draft made after the results date — 5 working days from `date`.
    public func publicNoticeEnd(_ quarter: Quarter, draftedOn date: CivilDate) throws -> CivilDate {
        let due = try resultsDueDate(quarter).value
        let regular = try publicNoticeEnd(quarter).value
        return date <= due ? regular : max(regular, try publicNoticeEnd(startingOn: date).value)
    }
}
