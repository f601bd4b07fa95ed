import Foundation

/// Beijing time (北京时间, Asia/Shanghai): UTC+8 all year, no daylight saving time.
///
/// 注 of the evaluation method: "系统所涉及时间以北京时间为准，数据统计以报送时间为准". Every conversion
/// here uses the fixed +08:00 offset and never the system time zone. Instants are handled to the
/// microsecond (a Foundation `Date` is rounded to the nearest microsecond before it is split into
/// a Beijing date and time, so that a value written as `…23:59:59.999` never drifts across a
/// boundary through binary rounding).
public enum BeijingTime {
    /// The offset from UTC, in seconds (+08:00).
    public static let utcOffsetSeconds = 8 * 3600

    /// Seconds in a civil day.
    static let secondsPerDay = 86_400

    /// Microseconds since 1970-01-01T00:00:00Z, rounded to the nearest microsecond.
    public static func microsecondsSince1970(_ instant: Date) -> Int64 {
        Int64((instant.timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// The instant at a whole number of microseconds since 1970-01-01T00:00:00Z.
    public static func instant(microsecondsSince1970 micros: Int64) -> Date {
        let seconds = floorDiv(micros, 1_000_000)
        let fraction = micros - seconds * 1_000_000
        return Date(timeIntervalSince1970: Double(seconds) + Double(fraction) / 1_000_000)
    }

    /// The Beijing calendar date on which `instant` falls.
    public static func civilDate(of instant: Date) -> CivilDate { dateTime(of: instant).date }

    /// The Beijing date and time of day of `instant`.
    public static func dateTime(of instant: Date) -> BeijingDateTime {
        let local = microsecondsSince1970(instant) + Int64(utcOffsetSeconds) * 1_000_000
        let microsPerDay = Int64(secondsPerDay) * 1_000_000
        let dayNumber = floorDiv(local, microsPerDay)
        let ofDay = local - dayNumber * microsPerDay
        let time = BeijingTimeOfDay(validMicrosecondOfDay: ofDay)
        return BeijingDateTime(date: CivilDate(dayNumber: Int(dayNumber)), time: time)
    }

    /// The instant of a Beijing date and time of day.
    public static func instant(of dateTime: BeijingDateTime) -> Date {
        let dayMicros = Int64(dateTime.date.dayNumber) * Int64(secondsPerDay) * 1_000_000
        let utc = dayMicros + dateTime.time.microsecondOfDay - Int64(utcOffsetSeconds) * 1_000_000
        return instant(microsecondsSince1970: utc)
    }

    /// The instant of a Beijing date at `hour:minute:second` (throws for a time outside
    /// 00:00:00…23:59:59).
    public static func instant(of date: CivilDate, hour: Int, minute: Int = 0, second: Int = 0) throws -> Date {
        instant(of: BeijingDateTime(date: date, time: try BeijingTimeOfDay(hour: hour, minute: minute, second: second)))
    }

    /// 00:00:00 Beijing time at the start of `date`.
    public static func startOfDay(_ date: CivilDate) -> Date {
        instant(of: BeijingDateTime(date: date, time: .midnight))
    }

    /// The end of `date` as an *exclusive* bound: 00:00:00 Beijing time of the next day, i.e.
    /// "24:00" of `date`. An instant `t` lies in `date` exactly when
    /// `startOfDay(date) <= t && t < endOfDay(date)`.
    public static func endOfDay(_ date: CivilDate) -> Date { startOfDay(date.next) }

    /// Floor division (rounds towards minus infinity).
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}

/// A time of day on a Beijing clock, to the microsecond (00:00:00.000000 … 23:59:59.999999).
public struct BeijingTimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Microseconds since midnight.
    public let microsecondOfDay: Int64

    /// Midnight, 00:00:00.
    public static let midnight = BeijingTimeOfDay(validMicrosecondOfDay: 0)

    /// Creates a time, refusing an hour outside 0…23, a minute or second outside 0…59 or a
    /// microsecond outside 0…999999.
    public init(hour: Int, minute: Int, second: Int, microsecond: Int = 0) throws {
        let text = "\(CivilDate.pad(hour, 2)):\(CivilDate.pad(minute, 2)):\(CivilDate.pad(second, 2))"
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
              (0...999_999).contains(microsecond)
        else {
            throw DateParseError(what: "time of day", input: text, reason: "expected 00:00:00…23:59:59")
        }
        self.microsecondOfDay = ((Int64(hour) * 60 + Int64(minute)) * 60 + Int64(second)) * 1_000_000
            + Int64(microsecond)
    }

    init(validMicrosecondOfDay: Int64) { self.microsecondOfDay = validMicrosecondOfDay }

    /// The hour, 0…23.
    public var hour: Int { Int(microsecondOfDay / 3_600_000_000) }
    /// The minute, 0…59.
    public var minute: Int { Int(microsecondOfDay / 60_000_000 % 60) }
    /// The second, 0…59.
    public var second: Int { Int(microsecondOfDay / 1_000_000 % 60) }
    /// The millisecond within the second, 0…999 (truncated).
    public var millisecond: Int { Int(microsecondOfDay / 1000 % 1000) }
    /// The microsecond within the second, 0…999999.
    public var microsecond: Int { Int(microsecondOfDay % 1_000_000) }

    /// Earlier times sort first.
    public static func < (lhs: BeijingTimeOfDay, rhs: BeijingTimeOfDay) -> Bool {
        lhs.microsecondOfDay < rhs.microsecondOfDay
    }

    /// `HH:MM:SS.mmm`.
    public var description: String {
        "\(CivilDate.pad(hour, 2)):\(CivilDate.pad(minute, 2)):\(CivilDate.pad(second, 2)).\(CivilDate.pad(millisecond, 3))"
    }
}

/// A Beijing calendar date with a time of day.
public struct BeijingDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The Beijing calendar date.
    public let date: CivilDate
    /// The time of day on a Beijing clock.
    public let time: BeijingTimeOfDay

    /// Creates the value.
    public init(date: CivilDate, time: BeijingTimeOfDay) {
        self.date = date
        self.time = time
    }

    /// Earlier moments sort first.
    public static func < (lhs: BeijingDateTime, rhs: BeijingDateTime) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmm+08:00`.
    public var description: String { "\(date)T\(time)+08:00" }
}
