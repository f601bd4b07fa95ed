/// The Chinese working-day calendar: Monday–Friday, changed by the State Council's annual
/// holiday notices (国务院办公厅关于XXXX年部分节假日安排的通知).
///
/// docs/rules.md *Working days*: "A working day is Monday–Friday unless the State Council's annual
/// notice … makes it a day off, plus any weekend day the notice makes a make-up working day
/// (调休上班)." A year is **known** when a notice for that year is loaded; any question about a
/// day of an unknown year throws `WorkdayCalendarError.unknownYear`, unless the calendar was
/// explicitly told to `assumeOrdinaryWeekends`, in which case every answer carries the years it
/// assumed.
///
/// Days a notice names in a neighbouring year (spill-over, e.g. 2026-12-31 in the 2027 notice)
/// apply on their own date; such a day is still only answered when its own year is known. When two
/// notices name the same date, the notice of the later year wins (it is the later decision).
public struct WorkdayCalendar: Sendable {
    /// One date's entry in the merged day table.
    struct Entry: Sendable, Hashable {
        let kind: NoticeDay.Kind
        let festival: String
        let noticeYear: Int
    }

    /// The loaded notices, one per year, ascending by year.
    public let notices: [HolidayNotice]
    /// When true, days of unknown years are taken as ordinary Monday–Friday weeks instead of
    /// throwing, and the answers list those years in `assumedYears`.
    public let assumeOrdinaryWeekends: Bool
    /// The merged day table of all notices.
    let entries: [CivilDate: Entry]
    /// The years with a notice.
    let known: Set<Int>

    /// A calendar of `notices` (for two notices of the same year, the later in the array wins).
    public init(notices: [HolidayNotice], assumeOrdinaryWeekends: Bool = false) {
        var byYear: [Int: HolidayNotice] = [:]
        for notice in notices { byYear[notice.year] = notice }
        let sorted = byYear.keys.sorted().map { byYear[$0]! }
        var entries: [CivilDate: Entry] = [:]
        for notice in sorted {  // ascending: a later notice overrides an earlier one on a shared date
            for day in notice.days {
                entries[day.date] = Entry(kind: day.kind, festival: day.name, noticeYear: notice.year)
            }
        }
        self.notices = sorted
        self.assumeOrdinaryWeekends = assumeOrdinaryWeekends
        self.entries = entries
        self.known = Set(byYear.keys)
    }

    /// The built-in calendar: the notices 2019–2026 of `BuiltInNotices`, no assumption.
    public static let builtIn: WorkdayCalendar = {
        do {
            return WorkdayCalendar(notices: try HolidayNotice.parseTSV(BuiltInNotices.tsv, sourceName: BuiltInNotices.sourceName))
        } catch {
            fatalError("the built-in holiday notices do not load: \(error)")
        }
    }()

    /// The years with a loaded notice, ascending.
    public var knownYears: [Int] { known.sorted() }

    /// True when the notice for `year` is loaded.
    public func isKnown(year: Int) -> Bool { known.contains(year) }

    /// The loaded notice for `year`, if any.
    public func notice(for year: Int) -> HolidayNotice? { notices.first { $0.year == year } }

    /// This calendar with `notice` added, replacing a loaded notice of the same year.
    public func merging(_ notice: HolidayNotice) -> WorkdayCalendar { merging([notice]) }

    /// This calendar with `notices` added, each replacing a loaded notice of the same year.
    public func merging(_ notices: [HolidayNotice]) -> WorkdayCalendar {
        WorkdayCalendar(notices: self.notices + notices, assumeOrdinaryWeekends: assumeOrdinaryWeekends)
    }

    /// This calendar with the unknown-year opt-in switched on or off.
    public func assumingOrdinaryWeekends(_ assume: Bool = true) -> WorkdayCalendar {
        WorkdayCalendar(notices: notices, assumeOrdinaryWeekends: assume)
    }

    /// The version of the set of notices: 16 hex digits of the FNV-1a hash of each notice's year
    /// and `contentHash`. Equal day lists give equal versions whatever the source or festival
    /// names; the `assumeOrdinaryWeekends` switch is not part of it (answers carry that flag).
    public var versionHash: String {
        var text = "workday-calendar v1\n"
        for notice in notices { text += "\(notice.year) \(notice.contentHash)\n" }
        return ContentHash.hex(text)
    }

    /// What the calendar says about `date`; throws `unknownYear` for a day of an unknown year
    /// unless `assumeOrdinaryWeekends` is on.
    public func dayStatus(_ date: CivilDate) throws -> DayStatus {
        var assumed = Set<Int>()
        return try status(date, assumed: &assumed)
    }

    /// True when `date` is a working day (see `dayStatus(_:)` for the reason and whether the
    /// ordinary-weeks assumption was used).
    public func isWorkingDay(_ date: CivilDate) throws -> Bool { try dayStatus(date).isWorkingDay }

    /// The status of `date`, adding its year to `assumed` when the assumption was used.
    func status(_ date: CivilDate, assumed: inout Set<Int>) throws -> DayStatus {
        let isKnown = known.contains(date.year)
        if !isKnown {
            guard assumeOrdinaryWeekends else {
                throw WorkdayCalendarError.unknownYear(year: date.year, date: date, knownYears: knownYears)
            }
            assumed.insert(date.year)
        }
        // Under the assumption, a spill-over day a neighbouring notice names is still honoured.
        if let entry = entries[date] {
            return DayStatus(date: date, kind: entry.kind == .holiday ? .holiday : .makeUpWorkday,
                             festival: entry.festival, noticeYear: entry.noticeYear, assumedOrdinaryWeekends: !isKnown)
        }
        return DayStatus(date: date, kind: date.weekday.isWeekend ? .weekend : .ordinaryWorkday,
                         festival: nil, noticeYear: nil, assumedOrdinaryWeekends: !isKnown)
    }

    /// "2019–2026", "2019–2024, 2026", or "none".
    static func describeYears(_ years: [Int]) -> String {
        guard var start = years.first else { return "none" }
        var parts: [String] = []
        var end = start
        for year in years.dropFirst() {
            if year == end + 1 { end = year; continue }
            parts.append(start == end ? "\(start)" : "\(start)–\(end)")
            start = year
            end = year
        }
        parts.append(start == end ? "\(start)" : "\(start)–\(end)")
        return parts.joined(separator: ", ")
    }
}
