import Foundation

/// A working-day question the calendar refuses to answer.
public enum WorkdayCalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The question needs a year whose State Council notice is not loaded.
    ///
    /// docs/rules.md *Working days*: "A year whose notice is not loaded is **unknown**: computing
    /// a deadline or window into it is an error with a clear message (or an explicit opt-in to
    /// assume ordinary weekends), never a silent guess."
    case unknownYear(year: Int, date: CivilDate, knownYears: [Int])
    /// A count argument out of its range (e.g. the 0th working day of a month).
    case invalidCount(what: String, count: Int, allowed: String)
    /// A period holds fewer working days than asked for.
    case notEnoughWorkingDays(period: String, wanted: Int, found: Int)
    /// A reconciliation window policy name that does not exist.
    case unknownPolicy(name: String, known: [String])

    /// The English message; for an unknown year it names the year and how to load it.
    public var description: String {
        switch self {
        case let .unknownYear(year, date, knownYears):
            return "no State Council holiday notice (国务院办公厅关于\(year)年部分节假日安排的通知) is loaded for \(year), "
                + "so whether \(date) is a working day is unknown (known years: \(WorkdayCalendar.describeYears(knownYears))). "
                + "Load the \(year) notice with `recon calendar import FILE` (a TSV date<TAB>holiday|workday<TAB>name "
                + "or a holiday-cn JSON feed for \(year)); the notice is published around November \(year - 1). "
                + "Or opt in explicitly to assume ordinary Monday–Friday weeks for unknown years."
        case let .invalidCount(what, count, allowed):
            return "\(what) must be \(allowed), got \(count)"
        case let .notEnoughWorkingDays(period, wanted, found):
            return "\(period) has only \(found) working day(s), \(wanted) asked for"
        case let .unknownPolicy(name, known):
            return "unknown reconciliation window policy '\(name)' (known: \(known.joined(separator: ", ")))"
        }
    }
}

extension WorkdayCalendarError: LocalizedError {
    /// Same as `description`.
    public var errorDescription: String? { description }
}
