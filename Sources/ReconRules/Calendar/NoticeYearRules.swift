/// What makes a set of days one year's notice when it is imported (`recon calendar import`):
/// the year is in range, and a day of another year is a spill-over day of one of the notice's
/// holidays — the New Year holiday starting on 30/31 December, a make-up working day in late
/// December (the 2019 notice made Saturday 2018-12-29 a working day) — so a stray line cannot
/// make or change another year's calendar.
public enum NoticeYearRules {
    /// The years a notice may be imported for: the CHECK of `recon.holiday_notices.year`
    /// (sql/migrations/0002_calendar.sql).
    public static let years = 2000...2100

    /// How many days a spill-over day may lie from the nearest day of the notice's year that has
    /// the same festival name.
    public static let spillOverReach = 7

    /// Why `year` cannot be a notice's year, or nil.
    public static func yearProblem(_ year: Int) -> String? {
        years.contains(year) ? nil : "year \(year) is out of \(years.lowerBound)…\(years.upperBound) (the years a holiday notice can be imported for)"
    }

    /// The first of `days` that does not belong to a notice for `year` (its index and why), or nil.
    public static func firstStray(year: Int, days: [NoticeDay]) -> (index: Int, message: String)? {
        let own = days.filter { $0.date.year == year }
        for (index, day) in days.enumerated() where day.date.year != year {
            if abs(day.date.year - year) > 1 {
                return (index, "\(day.date) is too far from \(year): a notice for \(year) can only name days of \(year - 1)…\(year + 1)")
            }
            let namesakes = own.filter { $0.name == day.name }
            guard let nearest = namesakes.map({ abs($0.date.days(since: day.date)) }).min() else {
                return (index, "\(day.date) (\(day.name)) is of \(day.date.year), and no \(year) day is named '\(day.name)': a notice for \(year) accepts a day of \(day.date.year) only as a spill-over day of one of its holidays, named the same")
            }
            if nearest > spillOverReach {
                return (index, "\(day.date) (\(day.name)) is of \(day.date.year), \(nearest) days from the nearest \(year) day of that name: a spill-over day must lie within \(spillOverReach) days of its holiday")
            }
        }
        return nil
    }
}
