import Foundation

/// How the times of rectification lists travel to PostgreSQL and how people read them.
///
/// All times are Beijing time (注1: 系统所涉及时间以北京时间为准). Instants go to the database as text
/// with a `+08:00` offset and to the microsecond (PostgreSQL's precision), and come back as whole
/// microseconds since 1970 (`extract(epoch …)` is exact `numeric` from PostgreSQL 14 on), so that no
/// instant drifts across a deadline through rounding.
public enum ListTime {
    /// `2025-09-30 10:00:00.123456+08:00`: an instant as a `timestamptz` parameter.
    public static func sqlText(_ instant: Date) -> String {
        let dateTime = BeijingTime.dateTime(of: instant)
        let time = dateTime.time
        return "\(dateTime.date) \(CivilDate.pad(time.hour, 2)):\(CivilDate.pad(time.minute, 2)):\(CivilDate.pad(time.second, 2))"
            + ".\(CivilDate.pad(time.microsecond, 6))+08:00"
    }

    /// `2025-10-14 23:59:59`: an instant for people, Beijing time, to the second (truncated).
    public static func human(_ instant: Date) -> String {
        let dateTime = BeijingTime.dateTime(of: instant)
        let time = dateTime.time
        return "\(dateTime.date) \(CivilDate.pad(time.hour, 2)):\(CivilDate.pad(time.minute, 2)):\(CivilDate.pad(time.second, 2))"
    }

    /// The deadline for people: the last second of the 5th working day, e.g. `2025-10-14 23:59:59`
    /// for the exclusive end `2025-10-15T00:00+08:00`.
    ///
    /// Consistent with `recon calendar deadline`, which prints the last millisecond
    /// (`2025-10-14T23:59:59.999+08:00`); a re-upload is on time when it is before `end`
    /// (RectificationDeadline: "on time exactly when submittedAt < end").
    public static func humanDeadline(end: Date) -> String {
        human(BeijingTime.instant(microsecondsSince1970: BeijingTime.microsecondsSince1970(end) - 1))
    }

    /// The Beijing wall-clock parts of an instant, to the second, for spreadsheet date-time cells.
    public static func wallClock(_ instant: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let dateTime = BeijingTime.dateTime(of: instant)
        return (dateTime.date.year, dateTime.date.month, dateTime.date.day,
                dateTime.time.hour, dateTime.time.minute, dateTime.time.second)
    }

    /// The wall-clock parts of the deadline's last second (see `humanDeadline(end:)`).
    public static func deadlineWallClock(end: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        wallClock(BeijingTime.instant(microsecondsSince1970: BeijingTime.microsecondsSince1970(end) - 1))
    }

    /// The SQL expression giving a `timestamptz` expression as whole microseconds since 1970.
    static func microsSQL(_ expression: String) -> String {
        "(extract(epoch FROM \(expression)) * 1000000)::bigint"
    }

    /// The instant of a text holding whole microseconds since 1970 (as `microsSQL` returns).
    static func instant(micros text: String, what: String) throws -> Date {
        guard let micros = Int64(text) else { throw ListError.malformed(what: what, value: text) }
        return BeijingTime.instant(microsecondsSince1970: micros)
    }

    /// `instant(micros:what:)` for a value that may be NULL.
    static func optionalInstant(micros text: String?, what: String) throws -> Date? {
        guard let text else { return nil }
        return try instant(micros: text, what: what)
    }
}
