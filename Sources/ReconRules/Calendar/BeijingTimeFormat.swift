import Foundation

/// The one way the project writes instants: always Beijing time (注1: 系统所涉及时间以北京时间为准;
/// docs/rules.md, "Beijing time"), in the few styles its outputs need. Lists, the CLI, the portal
/// and the logs all format through here.
public enum BeijingTimeFormat {
    /// `2025-10-14T23:59:59.999+08:00`: milliseconds (truncated, never rounded up) and the offset;
    /// the CLI's answers and the logs.
    public static func iso(_ instant: Date) -> String {
        BeijingTime.dateTime(of: instant).description
    }

    /// `2025-09-30T10:00:00+08:00`: to the second (truncated), with the offset; JSON APIs.
    public static func isoSeconds(_ instant: Date) -> String {
        let dateTime = BeijingTime.dateTime(of: instant)
        return "\(dateTime.date)T\(clock(dateTime.time))+08:00"
    }

    /// `2025-10-14 23:59:59`: to the second (truncated), for people (lists, tables, pages).
    public static func human(_ instant: Date) -> String {
        let dateTime = BeijingTime.dateTime(of: instant)
        return "\(dateTime.date) \(clock(dateTime.time))"
    }

    /// `2025-09-30 10:00:00.123456+08:00`: to the microsecond (PostgreSQL's precision), as a
    /// `timestamptz` parameter.
    public static func sql(_ instant: Date) -> String {
        let dateTime = BeijingTime.dateTime(of: instant)
        return "\(dateTime.date) \(clock(dateTime.time)).\(CivilDate.pad(dateTime.time.microsecond, 6))+08:00"
    }

    /// The deadline for people: the last second of its last working day, e.g. `2025-10-14 23:59:59`
    /// for the exclusive end `2025-10-15T00:00+08:00` (a re-upload is on time when it is before the
    /// end; `recon calendar deadline` prints the last millisecond of the same day).
    public static func humanDeadline(end: Date) -> String {
        human(lastMicrosecond(before: end))
    }

    /// The Beijing wall-clock parts of an instant, to the second, for spreadsheet date-time cells.
    public static func wallClock(_ instant: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let dateTime = BeijingTime.dateTime(of: instant)
        return (dateTime.date.year, dateTime.date.month, dateTime.date.day,
                dateTime.time.hour, dateTime.time.minute, dateTime.time.second)
    }

    /// The wall-clock parts of a deadline's last second (see `humanDeadline(end:)`).
    public static func deadlineWallClock(end: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        wallClock(lastMicrosecond(before: end))
    }

    /// `HH:MM:SS`.
    static func clock(_ time: BeijingTimeOfDay) -> String {
        "\(CivilDate.pad(time.hour, 2)):\(CivilDate.pad(time.minute, 2)):\(CivilDate.pad(time.second, 2))"
    }

    /// The last microsecond before an exclusive end.
    static func lastMicrosecond(before end: Date) -> Date {
        BeijingTime.instant(microsecondsSince1970: BeijingTime.microsecondsSince1970(end) - 1)
    }
}
