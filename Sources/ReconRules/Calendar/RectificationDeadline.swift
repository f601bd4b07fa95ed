import Foundation

/// The deadline of a rectification list (整改清单) for indicator 11 (对账整改率).
///
/// docs/rules.md *11*: "the list's issue counts as its receipt; day 1 is the first working day
/// after the issue day; the deadline is the end (24:00 Beijing) of the 5th working day."
/// Text: "收到对账差异数据整改清单后，在5个工作日内上传更新数据记录".
///
/// **How the end is expressed (this project's choice):** `end` is an *exclusive* instant, 00:00:00
/// Beijing of the day after the 5th working day — which is "24:00" of that day. A submission is
/// on time exactly when `submittedAt < end`; 23:59:59.999999 of the 5th working day is on time,
/// 00:00:00.000 of the next day is late. There is no "23:59:59.999" bound anywhere, so no
/// sub-millisecond gap exists.
public struct RectificationDeadline: Sendable, Hashable, CustomStringConvertible {
    /// When the list was issued.
    public let issuedAt: Date
    /// The Beijing date of the issue (may be a holiday or weekend: counting starts after it anyway).
    public let issueDay: CivilDate
    /// Working days 1…5 after the issue day.
    public let workingDays: [CivilDate]
    /// The exclusive end: 00:00 Beijing of the day after the last working day ("24:00" of it).
    public let end: Date
    /// Unknown years assumed to be ordinary Monday–Friday weeks (empty unless opted in).
    public let assumedYears: [Int]

    /// The 5th working day: the deadline is at its 24:00.
    public var lastWorkingDay: CivilDate { workingDays[workingDays.count - 1] }

    /// True when the deadline rests on the ordinary-weeks assumption for an unknown year.
    public var usedOrdinaryWeekendAssumption: Bool { !assumedYears.isEmpty }

    /// True when a submission at `submittedAt` is not later than the deadline (`submittedAt < end`).
    public func isOnTime(submittedAt: Date) -> Bool { WorkdayCalendar.isOnTime(submittedAt: submittedAt, deadline: end) }

    /// True when a submission counts as a re-upload for the list: after the issue and on time.
    /// docs/rules.md *11*: "carries a submission time (报送时间) after the list was issued and no
    /// later than the deadline".
    public func isWithinRectificationPeriod(submittedAt: Date) -> Bool {
        submittedAt > issuedAt && isOnTime(submittedAt: submittedAt)
    }

    /// E.g. `2025-10-14 24:00 Beijing (5th working day after 2025-09-30)`.
    public var description: String {
        let note = usedOrdinaryWeekendAssumption
            ? " [ASSUMED ordinary weeks for \(assumedYears.map(String.init).joined(separator: ", "))]" : ""
        return "\(lastWorkingDay) 24:00 Beijing (\(workingDays.count)th working day after \(issueDay))\(note)"
    }
}

extension WorkdayCalendar {
    /// The number of working days a province has to re-upload (11: "在5个工作日内").
    public static let rectificationWorkingDays = 5

    /// The deadline of a rectification list issued at `issuedAt` (see `RectificationDeadline`).
    /// Example (docs/rules.md): issued 2025-09-30 → Oct 1–8 holiday, Oct 11 (Sat) a make-up day →
    /// days 1…5 = Oct 9, 10, 11, 13, 14 → deadline 2025-10-14 24:00.
    public func rectificationDeadline(issuedAt: Date) throws -> RectificationDeadline {
        let issueDay = BeijingTime.civilDate(of: issuedAt)
        let days = try workingDays(after: issueDay, count: Self.rectificationWorkingDays)
        return RectificationDeadline(issuedAt: issuedAt, issueDay: issueDay, workingDays: days.value,
                                     end: BeijingTime.endOfDay(days.value[days.value.count - 1]),
                                     assumedYears: days.assumedYears)
    }

    /// The exclusive end of the rectification period of a list issued at `issuedAt`: 00:00 Beijing
    /// after the 5th working day (= its 24:00). Compare with `isOnTime(submittedAt:deadline:)`.
    /// Use `rectificationDeadline(issuedAt:)` to also learn whether an unknown year was assumed.
    public func deadline(issuedAt: Date) throws -> Date { try rectificationDeadline(issuedAt: issuedAt).end }

    /// True when `submittedAt` is on time for an exclusive `deadline` as returned by
    /// `deadline(issuedAt:)`: strictly before it.
    public static func isOnTime(submittedAt: Date, deadline: Date) -> Bool { submittedAt < deadline }
}
