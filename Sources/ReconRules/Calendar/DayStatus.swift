/// What the calendar says about one day.
public struct DayStatus: Sendable, Hashable, CustomStringConvertible {
    /// The classes of days.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Monday–Friday not touched by a notice: a working day.
        case ordinaryWorkday
        /// Saturday or Sunday not touched by a notice: a day off.
        case weekend
        /// A day off by the notice (放假), weekday or weekend.
        case holiday
        /// A weekend day made a working day by the notice (调休上班).
        case makeUpWorkday
    }

    /// The day.
    public let date: CivilDate
    /// Its class.
    public let kind: Kind
    /// The festival, for `holiday` and `makeUpWorkday`.
    public let festival: String?
    /// The year of the notice that named the day (a neighbouring year for spill-over days).
    public let noticeYear: Int?
    /// True when the day's year is unknown and the answer assumed an ordinary Monday–Friday week
    /// (only with `assumeOrdinaryWeekends` switched on).
    public let assumedOrdinaryWeekends: Bool

    /// True for `ordinaryWorkday` and `makeUpWorkday`.
    public var isWorkingDay: Bool { kind == .ordinaryWorkday || kind == .makeUpWorkday }

    /// E.g. `2026-02-14 Sat: make-up working day (Spring Festival (春节))`.
    public var description: String {
        let what: String
        switch kind {
        case .ordinaryWorkday: what = "working day"
        case .weekend: what = "weekend"
        case .holiday: what = "holiday (\(festival ?? ""))"
        case .makeUpWorkday: what = "make-up working day (\(festival ?? ""))"
        }
        let note = assumedOrdinaryWeekends ? " [ASSUMED: no notice loaded for \(date.year)]" : ""
        return "\(date) \(date.weekday.shortName): \(what)\(note)"
    }
}
