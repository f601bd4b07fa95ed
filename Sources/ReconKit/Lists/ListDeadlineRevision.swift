import Foundation
import PostgresClient
import ReconRules

/// A revised holiday notice moves the deadlines of the lists it concerns (docs/rules.md,
/// "Rectification deadline (5 working days)"; issue 25 case 5): every list whose quarter is not
/// scored yet gets the deadline the current calendar gives its issue, with the calendar version,
/// and its items' `on_time`/`updated_on_time` are decided again against it. Lists of a quarter
/// with a stored version keep theirs: results on notice or published are not changed by a notice.
public enum ListDeadlineRevision {
    /// One list whose deadline moved.
    public struct Moved: Sendable, Equatable, CustomStringConvertible {
        public let listID: Int
        public let provinceCode: String
        public let quarter: String
        public let from: Date
        public let to: Date
        public var description: String {
            "list \(listID) (\(provinceCode) \(quarter)): deadline \(BeijingTimeFormat.humanDeadline(end: from)) → \(BeijingTimeFormat.humanDeadline(end: to))"
        }
    }

    /// Recomputes, in one transaction on `results`, the deadlines of the lists of quarters not yet
    /// scored with the calendar of the results database; returns the lists whose deadline moved.
    public static func revise(on results: Connection) throws -> [Moved] {
        try results.transaction { db in
            let rows = try db.execute("""
                SELECT l.id, l.province_code, l.quarter, l.assumed_weekends,
                       \(ListTime.microsSQL("l.issued_at")) AS issued_us, \(ListTime.microsSQL("l.deadline")) AS deadline_us
                FROM recon.lists l
                WHERE NOT EXISTS (SELECT 1 FROM recon.scorings s WHERE s.quarter = l.quarter)
                ORDER BY l.id FOR UPDATE
                """).rows
            let store = CalendarStore(connection: db)
            var moved: [Moved] = []
            for row in rows {
                let calendar = try store.calendar(assumeOrdinaryWeekends: try row.bool("assumed_weekends"))
                let issued = try ListTime.instant(micros: try row.string("issued_us"), what: "issued_at")
                let old = try ListTime.instant(micros: try row.string("deadline_us"), what: "deadline")
                guard let new = try? calendar.rectificationDeadline(issuedAt: issued), new.end != old else { continue }
                let id = try row.string("id")
                try db.execute("UPDATE recon.lists SET deadline = $2::timestamptz, calendar_version = $3 WHERE id = $1",
                               [id, BeijingTimeFormat.sql(new.end), calendar.versionHash])
                try db.execute("""
                    UPDATE recon.list_items SET on_time = reuploaded_at < $2::timestamptz, updated_on_time = updated_at < $2::timestamptz
                    WHERE list_id = $1 AND (reuploaded_at IS NOT NULL OR updated_at IS NOT NULL)
                    """, [id, BeijingTimeFormat.sql(new.end)])
                moved.append(Moved(listID: try row.int("id"), provinceCode: try row.string("province_code"),
                                   quarter: try row.string("quarter"), from: old, to: new.end))
            }
            return moved
        }
    }
}
