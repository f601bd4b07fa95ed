import Foundation
import PostgresClient
import ReconRules

/// The holiday notices imported into a results database (`recon calendar import`), on top of the
/// years built into the binary.
public struct CalendarStore {
    let connection: Connection

    /// A store over a migrated results database.
    public init(connection: Connection) { self.connection = connection }

    /// One imported notice as stored.
    public struct StoredNotice: Sendable {
        /// The notice's year.
        public let year: Int
        /// Where it came from (file name).
        public let source: String
        /// Its content hash.
        public let version: String
        /// When it was loaded (Beijing, `YYYY-MM-DD HH:MM`).
        public let loadedAt: String
    }

    /// Imports (or replaces) notices in one transaction; a revised notice for a year replaces the
    /// old one. Returns, per year, whether it replaced an earlier version.
    ///
    /// Years out of ``NoticeYearRules/years`` are refused before anything is written.
    /// `recon calendar import` uses ``importNotice(_:dryRun:)``, which reports the change.
    @discardableResult
    public func importNotices(_ notices: [HolidayNotice]) throws -> [(year: Int, replaced: Bool)] {
        for notice in notices {
            if let problem = NoticeYearRules.yearProblem(notice.year) {
                throw HolidayNoticeError(kind: .inconsistent, source: notice.source, message: problem)
            }
        }
        return try connection.transaction { db in
            try notices.map { (year: $0.year, replaced: try CalendarStore(connection: db).write($0)) }
        }
    }

    /// Replaces the stored notice of `notice.year` (in the caller's transaction); whether there
    /// was one.
    @discardableResult
    func write(_ notice: HolidayNotice) throws -> Bool {
        let existing = try connection.execute("DELETE FROM recon.holiday_notices WHERE year = $1 RETURNING version", [String(notice.year)])
        try connection.execute("INSERT INTO recon.holiday_notices (year, source, version) VALUES ($1, $2, $3)",
                               [String(notice.year), notice.source, notice.contentHash])
        try connection.copyIn("COPY recon.holiday_days (notice_year, day, kind, name) FROM STDIN") { writer in
            for day in notice.days {
                try writer.writeRow([String(notice.year), day.date.description, day.kind.rawValue, day.name])
            }
        }
        return !existing.rows.isEmpty
    }

    /// The imported notices.
    public func importedNotices() throws -> [HolidayNotice] {
        let heads = try connection.execute("SELECT year, source FROM recon.holiday_notices ORDER BY year").rows
        var notices: [HolidayNotice] = []
        for head in heads {
            let year = try head.int("year")
            let rows = try connection.execute(
                "SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, name FROM recon.holiday_days WHERE notice_year = $1 ORDER BY day",
                [String(year)]).rows
            let days = try rows.map { row in
                NoticeDay(date: try CivilDate.parse(try row.string("day")),
                          kind: try NoticeDay.Kind.parse(try row.string("kind")),
                          name: try row.string("name"))
            }
            notices.append(try HolidayNotice(year: year, source: try head.string("source"), days: days))
        }
        return notices
    }

    /// What was imported and when.
    public func storedNotices() throws -> [StoredNotice] {
        try connection.execute("""
            SELECT year, source, version, to_char(loaded_at, 'YYYY-MM-DD HH24:MI') AS loaded_at
            FROM recon.holiday_notices ORDER BY year
            """).rows.map {
            StoredNotice(year: try $0.int("year"), source: try $0.string("source"),
                         version: try $0.string("version"), loadedAt: try $0.string("loaded_at"))
        }
    }

    /// The built-in calendar merged with the imported notices (an imported year replaces a
    /// built-in one).
    public func calendar(assumeOrdinaryWeekends: Bool = false) throws -> WorkdayCalendar {
        WorkdayCalendar.builtIn.merging(try importedNotices()).assumingOrdinaryWeekends(assumeOrdinaryWeekends)
    }
}

extension NoticeDay.Kind {
    /// Parses `holiday` / `workday`.
    static func parse(_ text: String) throws -> NoticeDay.Kind {
        guard let kind = NoticeDay.Kind(rawValue: text) else {
            throw HolidayNoticeError(kind: .malformed, source: "recon.holiday_days", line: nil, message: "unknown day kind \(text)")
        }
        return kind
    }
}
