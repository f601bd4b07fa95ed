import Foundation

/// One day named by a State Council holiday notice (国务院办公厅关于XXXX年部分节假日安排的通知):
/// a day off (放假) or a make-up working day (调休上班).
public struct NoticeDay: Sendable, Hashable, Codable {
    /// What the notice makes of the day.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
        /// A day off (放假), also when it falls on a weekend.
        case holiday
        /// A make-up working day (调休上班): a Saturday or Sunday that is worked.
        case workday

        /// `holiday` or `workday`, as written in the TSV.
        public var description: String { rawValue }
    }

    /// The day.
    public let date: CivilDate
    /// Day off or make-up working day.
    public let kind: Kind
    /// The festival the day belongs to, e.g. `National Day (国庆节)`.
    public let name: String

    /// Creates the entry (checked when it is put into a `HolidayNotice`).
    public init(date: CivilDate, kind: Kind, name: String) {
        self.date = date
        self.kind = kind
        self.name = name
    }

    /// Why the entry cannot be part of a notice, or nil when it is fine.
    ///
    /// docs/rules.md *Working days*: "plus any weekend day the notice makes a make-up working day
    /// (调休上班)" — a make-up working day is always a Saturday or Sunday, so a `workday` on Monday…
    /// Friday is refused as a data error (typically swapped columns).
    var problem: String? {
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            return "\(date) has no festival name"
        }
        if kind == .workday && !date.weekday.isWeekend {
            return "\(date) is a \(date.weekday.shortName): only a Saturday or Sunday can be a make-up working day (调休上班)"
        }
        return nil
    }
}

