import PostgresClient
import ReconRules

/// One notice imported (or, with a dry run, about to be) by ``CalendarStore/importNotice(_:dryRun:)``:
/// what it replaces and what changes.
public struct NoticeImport: Sendable {
    /// What the year had before.
    public enum Previous: Sendable, Equatable {
        /// Nothing: the year was unknown.
        case none
        /// The notice built into the binary.
        case builtIn(version: String)
        /// An imported notice.
        case imported(version: String, source: String, loadedAt: String)
    }

    /// The notice.
    public let notice: HolidayNotice
    /// What it replaces.
    public let previous: Previous
    /// The days added, removed and changed against `previous`.
    public let change: NoticeChange
    /// Whether it was written (false for a dry run, and when nothing changes).
    public let applied: Bool

    /// The account printed by `recon calendar import`: a headline, then one line per changed day
    /// when a notice is replaced.
    public var report: [String] {
        let year = notice.year
        let verb: String
        switch (previous, change.isEmpty, applied) {
        case (_, true, _):
            return ["\(year): unchanged — \(previousText) already has these days; nothing written"]
        case (.none, _, true): verb = "loaded"
        case (.none, _, false): verb = "would load (dry run, nothing written)"
        case (_, _, true): verb = "replaced \(previousText) with"
        case (_, _, false): verb = "would replace \(previousText) with (dry run, nothing written)"
        }
        var lines = ["\(year): \(verb) \(notice.days.count) days from \(notice.source) (version \(notice.contentHash))"]
        if previous != .none {
            lines[0] += ": \(change.summary)"
            lines += change.lines.map { "  " + $0 }
        }
        return lines
    }

    private var previousText: String {
        switch previous {
        case .none: return "nothing"
        case let .builtIn(version): return "the built-in notice (version \(version))"
        case let .imported(version, source, loadedAt): return "the notice imported \(loadedAt) from \(source) (version \(version))"
        }
    }
}

extension CalendarStore {
    /// Imports one notice as a whole, in one transaction: it replaces the year's earlier imported
    /// version (or, in the calendar, the built-in one). With `dryRun`, or when no day changes,
    /// nothing is written. The change is taken inside the transaction, under a lock that
    /// serialises imports, so what is reported is what was replaced.
    /// - Throws: ``HolidayNoticeError`` for a year out of ``NoticeYearRules/years`` (before
    ///   anything is written).
    public func importNotice(_ notice: HolidayNotice, dryRun: Bool = false) throws -> NoticeImport {
        if let problem = NoticeYearRules.yearProblem(notice.year) {
            throw HolidayNoticeError(kind: .inconsistent, source: notice.source, message: problem)
        }
        return try connection.transaction { db in
            try db.execute("SELECT pg_advisory_xact_lock(hashtextextended('recon.calendar.import', 0))")
            let store = CalendarStore(connection: db)
            let stored = try store.storedNotices().first { $0.year == notice.year }
            let previousNotice: HolidayNotice?
            let previous: NoticeImport.Previous
            if let stored {
                previousNotice = try store.importedNotices().first { $0.year == notice.year }
                previous = .imported(version: stored.version, source: stored.source, loadedAt: stored.loadedAt)
            } else if let builtIn = WorkdayCalendar.builtIn.notice(for: notice.year) {
                previousNotice = builtIn
                previous = .builtIn(version: builtIn.contentHash)
            } else {
                previousNotice = nil
                previous = .none
            }
            let change = NoticeChange(from: previousNotice, to: notice)
            let apply = !dryRun && !change.isEmpty
            if apply { try store.write(notice) }
            return NoticeImport(notice: notice, previous: previous, change: change, applied: apply)
        }
    }
}
