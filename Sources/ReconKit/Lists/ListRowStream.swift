import Foundation
import PostgresClient
import ReconRules

/// Streams a list's rows out of the results database with `COPY … TO STDOUT`, in 序号 order and
/// field order within an item, one row at a time: a list of millions of items never sits in
/// memory.
public struct ListRowStream {
    let connection: Connection

    /// A stream over a migrated results database.
    public init(connection: Connection) { self.connection = connection }

    /// The statement: one row per differing field (`jsonb_array_elements` of `fields`), or one row
    /// for an item without fields; `outstandingOnly` keeps the items still to rectify (待整改: not
    /// re-uploaded, or re-uploaded and still differing).
    /// `condition` (over `recon.list_items i`, see ``ListItemFilter``) narrows the items further.
    static func copyStatement(listID: Int64, outstandingOnly: Bool = false, condition: String? = nil) -> String {
        // One row per differing field, or per kept row of the other categories (its side, position
        // among the side's rows, and core fields as JSON), or one row for an item with neither.
        """
        COPY (
            SELECT i.item_no, i.record_set, i.key_text, i.category, i.ministry_count, i.province_count,
                   coalesce(f.e ->> 'label', f.e ->> 'column'), f.e ->> 'ministry', f.e ->> 'province',
                   \(ListTime.microsSQL("i.reuploaded_at")), i.reupload_kind, i.resolved,
                   f.e ->> 'side', (f.e -> 'values')::text,
                   CASE WHEN f.e ? 'side' THEN count(*) FILTER (WHERE f.e ? 'side') OVER (PARTITION BY i.item_no, f.e ->> 'side'
                                                                                      ORDER BY f.n) END,
                   CASE f.e ->> 'side' WHEN 'ministry' THEN i.ministry_count WHEN 'province' THEN i.province_count END,
                   i.suspect_item_no, i.suspect_hint
            FROM recon.list_items i
            LEFT JOIN LATERAL jsonb_array_elements(
                     CASE WHEN jsonb_typeof(i.fields) = 'array' AND jsonb_array_length(i.fields) > 0 THEN i.fields
                          WHEN jsonb_typeof(i.rows) = 'array' THEN i.rows ELSE '[]'::jsonb END)
                 WITH ORDINALITY AS f(e, n) ON true
            WHERE i.list_id = \(listID)\(outstandingOnly ? " AND (i.reuploaded_at IS NULL OR NOT i.resolved)" : "")\(condition.map { " AND (\($0))" } ?? "")
            ORDER BY i.item_no, f.n
        ) TO STDOUT
        """
    }

    /// Calls `body` with each row of list `listID`.
    public func forEachRow(listID: Int64, outstandingOnly: Bool = false, condition: String? = nil,
                           _ body: (ListRow) throws -> Void) throws {
        let stream = try connection.copyOut(Self.copyStatement(listID: listID, outstandingOnly: outstandingOnly, condition: condition))
        do {
            while let fields = try stream.next({ CopyText.decodeRow($0) }) {
                try body(try Self.decode(fields))
            }
        } catch {
            try? stream.cancel()
            throw error
        }
    }

    /// A row from the COPY's fields.
    static func decode(_ fields: [String?]) throws -> ListRow {
        guard fields.count == 18 else {
            throw ListError.malformed(what: "list row", value: "\(fields.count) columns, expected 18")
        }
        func int(_ index: Int, _ what: String) throws -> Int {
            guard let text = fields[index], let value = Int(text) else {
                throw ListError.malformed(what: what, value: fields[index] ?? "NULL")
            }
            return value
        }
        func string(_ index: Int, _ what: String) throws -> String {
            guard let text = fields[index] else { throw ListError.malformed(what: what, value: "NULL") }
            return text
        }
        let kind: ReuploadKind?
        if let text = fields[10] {
            guard let parsed = ReuploadKind(rawValue: text) else { throw ListError.malformed(what: "reupload_kind", value: text) }
            kind = parsed
        } else {
            kind = nil
        }
        var row = ListRow(
            itemNo: try int(0, "item_no"), recordSet: try string(1, "record_set"), keyText: try string(2, "key_text"),
            category: try string(3, "category"), ministryCount: try int(4, "ministry_count"),
            provinceCount: try int(5, "province_count"), fieldLabel: fields[6], ministryValue: fields[7],
            provinceValue: fields[8],
            reuploadedAt: try ListTime.optionalInstant(micros: fields[9], what: "reuploaded_at"),
            reuploadKind: kind, resolved: fields[11] == "t")
        if let sideText = fields[12] {
            guard let side = DiffSide(rawValue: sideText) else { throw ListError.malformed(what: "rows side", value: sideText) }
            let values = try fields[13].map { try JSONDecoder().decode([RowValue].self, from: Data($0.utf8)) } ?? []
            row.record = (side, values, try int(14, "row number"), try int(15, "row count"))
        }
        row.suspectItemNo = try fields[16].map { text in
            guard let value = Int(text) else { throw ListError.malformed(what: "suspect_item_no", value: text) }
            return value
        }
        row.suspectHint = fields[17]
        return row
    }
}
