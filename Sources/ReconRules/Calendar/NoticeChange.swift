/// What importing a notice changes against the notice it replaces (an imported one, or the one
/// built into the binary): the days added, removed, and changed (kind or festival name).
public struct NoticeChange: Sendable, Equatable {
    /// A day whose kind or name changes.
    public struct Changed: Sendable, Equatable {
        /// The day as it was.
        public let old: NoticeDay
        /// The day as it will be.
        public let new: NoticeDay
    }

    /// Days the new notice names and the old did not.
    public let added: [NoticeDay]
    /// Days the old notice named and the new does not.
    public let removed: [NoticeDay]
    /// Days both name, with another kind or name.
    public let changed: [Changed]

    /// The change from `old` (nil: nothing for that year yet) to `new`.
    public init(from old: HolidayNotice?, to new: HolidayNotice) {
        let before = Dictionary(uniqueKeysWithValues: (old?.days ?? []).map { ($0.date, $0) })
        let after = Dictionary(uniqueKeysWithValues: new.days.map { ($0.date, $0) })
        added = new.days.filter { before[$0.date] == nil }
        removed = (old?.days ?? []).filter { after[$0.date] == nil }
        changed = new.days.compactMap { day in
            guard let previous = before[day.date], previous != day else { return nil }
            return Changed(old: previous, new: day)
        }
    }

    /// Whether nothing changes.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// `2 days added, 1 removed, 1 changed`.
    public var summary: String {
        "\(added.count) day\(added.count == 1 ? "" : "s") added, \(removed.count) removed, \(changed.count) changed"
    }

    /// One line per day, in date order: `+ 2027-01-04 holiday 元旦`, `- …`,
    /// `~ 2027-02-06 workday → holiday 春节`.
    public var lines: [String] {
        var entries: [(CivilDate, String)] = []
        entries += added.map { ($0.date, "+ \($0.date) \($0.kind) \($0.name)") }
        entries += removed.map { ($0.date, "- \($0.date) \($0.kind) \($0.name)") }
        entries += changed.map { change in
            let kind = change.old.kind == change.new.kind ? "\(change.new.kind)" : "\(change.old.kind) → \(change.new.kind)"
            let name = change.old.name == change.new.name ? change.new.name : "\(change.old.name) → \(change.new.name)"
            return (change.new.date, "~ \(change.new.date) \(kind) \(name)")
        }
        return entries.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
