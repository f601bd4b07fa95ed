import Foundation
import Hummingbird
import PostgresClient
import ReconKit

/// `GET /api/lists/{id}` built for speed: PostgreSQL writes the page's items as JSON text, splicing
/// in the stored text of each item's `fields` and `rows` (`recon.list_items.fields_json` and
/// `rows_json`, generated columns), and the response splices that text in — instead of decoding
/// every stored document into Swift values and encoding it again, or rendering jsonb, per request
/// (which cost most of the request; see README "Benchmarks").
///
/// Each item is the object ``ListItemJSON`` would encode to: the same keys, and a key whose value is
/// NULL left out (as `JSONEncoder` leaves out nil), also inside `fields` and `rows`
/// (`jsonb_strip_nulls`); only the key order and spacing differ (`PortalItemsTests` checks whole
/// objects).
struct ItemsPageJSON: ResponseGenerator {
    /// The whole body.
    let body: ByteBuffer

    /// The body of one page: `list`, `total`, `page`, `size`, `pages` and `items` (PostgreSQL's text).
    init(list: ListJSON, total: Int, page: Int, size: Int, pages: Int, itemsJSON: String) throws {
        let encoder = JSONEncoder()
        var buffer = ByteBuffer()
        buffer.writeString("{\"list\":")
        buffer.writeBytes(try encoder.encode(list))
        buffer.writeString(",\"total\":\(total),\"page\":\(page),\"size\":\(size),\"pages\":\(pages),\"items\":")
        buffer.writeString(itemsJSON)
        buffer.writeString("}")
        body = buffer
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .contentLength: String(body.readableBytes)],
                 body: .init(byteBuffer: body))
    }

    /// The number of `list`'s items `filter` selects at `now`, and one page of them by 序号 as a
    /// JSON array of ``ListItemJSON`` objects — in one statement.
    static func items(list: RectificationList, filter: ListItemFilter, page: Int, size: Int, now: Date,
                      on connection: Connection) throws -> (total: Int, json: String) {
        let condition = try filter.condition(deadline: list.deadline, now: now, quoting: connection)
        let status = ItemProgressState.sql(deadline: list.deadline, now: now)
        let label = ItemProgressState.sql(deadline: list.deadline, now: now, label: true)
        // The page is chosen first (only its rows are rendered); strings are escaped by to_json.
        let row = try connection.execute("""
            SELECT (SELECT count(*) FROM recon.list_items i WHERE i.list_id = $1 AND (\(condition))) AS n,
                   (SELECT '[' || coalesce(string_agg(
                        '{"itemNo":' || p.item_no || ',"recordSet":' || to_json(p.record_set) || ',"key":' || to_json(p.key_text)
                        || ',"category":' || to_json(p.category) || ',"ministryCount":' || p.ministry_count
                        || ',"provinceCount":' || p.province_count
                        || coalesce(',"reuploadedAt":"' || to_char(p.reuploaded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') || '"', '')
                        || coalesce(',"reuploadKind":' || to_json(p.reupload_kind), '') || coalesce(',"onTime":' || p.on_time, '')
                        || ',"resolved":' || p.resolved || ',"status":' || to_json(p.status) || ',"statusLabel":' || to_json(p.status_label)
                        || ',"fields":' || p.fields_json || ',"rows":' || p.rows_json || ',"rowsTotal":' || p.rows_total
                        || coalesce(',"suspectItemNo":' || p.suspect_item_no, '') || coalesce(',"suspectHint":' || to_json(p.suspect_hint), '')
                        || '}', ',' ORDER BY p.item_no), '') || ']'
                    FROM (SELECT i.item_no, i.record_set, i.key_text, i.category, i.ministry_count, i.province_count, i.reuploaded_at,
                                 i.reupload_kind, i.on_time, i.resolved, \(status) AS status, \(label) AS status_label,
                                 i.fields_json, i.rows_json, i.rows_total, i.suspect_item_no, i.suspect_hint
                          FROM recon.list_items i WHERE i.list_id = $1 AND (\(condition))
                          ORDER BY i.item_no LIMIT $2 OFFSET $3) p) AS items
            """, [String(list.id), String(size), String((page - 1) * size)]).singleRow()
        return (try row.int("n"), try row.string("items"))
    }
}
