import Foundation
import PostgresClient
import ReconRules

/// Reads rectification lists (`recon.lists`) from the results database.
public struct ListStore {
    let connection: Connection

    /// A store over a migrated results database.
    public init(connection: Connection) { self.connection = connection }

    /// The columns read for a `RectificationList`, from `recon.lists l`, `recon.runs r` and
    /// `recon.provinces p`.
    static let selectList = """
        SELECT l.id, l.run_id, l.province_code, coalesce(p.name, l.province_code) AS province_name, l.quarter,
               l.official, \(ListTime.microsSQL("l.issued_at")) AS issued_us, \(ListTime.microsSQL("l.deadline")) AS deadline_us,
               l.calendar_version, l.assumed_weekends, l.item_count,
               \(ListTime.microsSQL("l.first_download_at")) AS first_download_us, array_to_json(r.record_sets)::text AS record_sets
        FROM recon.lists l
        JOIN recon.runs r ON r.id = l.run_id
        LEFT JOIN recon.provinces p ON p.code = l.province_code
        """

    /// The list with `id`; `ListError.listNotFound` when there is none.
    public func list(id: Int64) throws -> RectificationList {
        let rows = try connection.execute(Self.selectList + " WHERE l.id = $1", [String(id)]).rows
        guard let row = rows.first else { throw ListError.listNotFound(listID: id) }
        return try Self.decode(row)
    }

    /// The list issued from run `runID`, if any.
    public func list(runID: Int64) throws -> RectificationList? {
        try connection.execute(Self.selectList + " WHERE l.run_id = $1", [String(runID)]).rows.first.map(Self.decode)
    }

    /// The list a province answers for a quarter: the official one, or else the latest issued;
    /// `ListError.noList` when there is none.
    public func list(province: String, quarter: Quarter) throws -> RectificationList {
        let rows = try connection.execute(Self.selectList + """
             WHERE l.province_code = $1 AND l.quarter = $2
             ORDER BY l.official DESC, l.issued_at DESC, l.id DESC LIMIT 1
            """, [province, quarter.description]).rows
        guard let row = rows.first else { throw ListError.noList(province: province, quarter: quarter.description) }
        return try Self.decode(row)
    }

    /// All lists, optionally of one province and/or quarter, by province, quarter and id.
    public func lists(province: String? = nil, quarter: Quarter? = nil) throws -> [RectificationList] {
        try connection.execute(Self.selectList + """
             WHERE ($1::text IS NULL OR l.province_code = $1) AND ($2::text IS NULL OR l.quarter = $2)
             ORDER BY l.province_code, l.quarter, l.id
            """, [province, quarter?.description]).rows.map(Self.decode)
    }

    /// A list from a row of `selectList`.
    static func decode(_ row: Row) throws -> RectificationList {
        let quarterText = try row.string("quarter")
        guard let quarter = Quarter(quarterText) else { throw ListError.malformed(what: "quarter", value: quarterText) }
        let idText = try row.string("id"), runText = try row.string("run_id")
        guard let id = Int64(idText), let runID = Int64(runText) else {
            throw ListError.malformed(what: "list or run id", value: "\(idText) / \(runText)")
        }
        return RectificationList(
            id: id, runID: runID, provinceCode: try row.string("province_code"),
            provinceName: try row.string("province_name"), quarter: quarter, official: try row.bool("official"),
            issuedAt: try ListTime.instant(micros: try row.string("issued_us"), what: "issued_at"),
            deadline: try ListTime.instant(micros: try row.string("deadline_us"), what: "deadline"),
            calendarVersion: try row.string("calendar_version"), assumedWeekends: try row.bool("assumed_weekends"),
            itemCount: try row.int("item_count"),
            firstDownloadAt: try ListTime.optionalInstant(micros: row["first_download_us"], what: "first_download_at"),
            recordSets: try JSONText.strings(try row.string("record_sets"), what: "runs.record_sets"))
    }
}
