/// What `recon calendar status` shows: the known years and where each comes from, and — from
/// November on — a warning when next year's notice is not loaded yet (it is published around
/// November of the year before).
import ReconRules

public struct CalendarStatusReport: Sendable {
    /// The calendar in use.
    public let calendar: WorkdayCalendar
    /// Notices imported into the results database.
    public let imported: [CalendarStore.StoredNotice]
    /// Today (Beijing).
    public let today: CivilDate

    /// A report.
    public init(calendar: WorkdayCalendar, imported: [CalendarStore.StoredNotice], today: CivilDate) {
        self.calendar = calendar
        self.imported = imported
        self.today = today
    }

    /// The warning, when today is in November or December and next year is unknown.
    public var missingNextYearWarning: String? {
        let next = today.year + 1
        guard today.month >= 11, !calendar.isKnown(year: next) else { return nil }
        return "the State Council's holiday notice for \(next) is not loaded; deadlines and windows that reach into \(next) will be refused. Load it with: recon calendar import FILE --db DSN"
    }

    /// Readable lines.
    public func rendered() -> String {
        var lines = ["calendar version \(calendar.versionHash)"]
        for year in calendar.knownYears {
            if let stored = imported.first(where: { $0.year == year }) {
                lines.append("\(year)  imported  \(stored.source)  version \(stored.version)  loaded \(stored.loadedAt)")
            } else {
                lines.append("\(year)  \(BuiltInNotices.sourceName)")
            }
        }
        if calendar.assumeOrdinaryWeekends { lines.append("unknown years: ordinary Monday–Friday weeks assumed (--assume-weekends)") }
        return lines.joined(separator: "\n")
    }
}
