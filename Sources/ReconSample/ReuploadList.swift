import Foundation
import PostgresClient
import ReconRules
import ReconKit

/// A rectification list (整改清单) to answer with `recon sample reupload --list`, read from the
/// results database (`recon.lists`, `recon.list_items`).
public struct ReuploadList: Sendable, Hashable {
    /// The list's id.
    public var id: Int64
    /// The province it was issued to.
    public var province: String
    /// When it was issued (its issue counts as its receipt).
    public var issuedAt: Date
    /// Its items, in item order, keys in the record sets' key-column order.
    public var items: [ReuploadItem]

    /// Reads list `id`; an error when there is no such list or an item's key does not fit its
    /// record set.
    public static func load(id: Int64, results: Connection, recordSets: [RecordSetSpec]) throws -> ReuploadList {
        let header = try results.execute("""
            SELECT province_code,
                   to_char(issued_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '+08:00' AS issued_at
            FROM recon.lists WHERE id = $1
            """, [String(id)])
        guard let list = header.rows.first else { throw SampleError("there is no rectification list \(id) in recon.lists") }
        let decoder = JSONDecoder()
        var items: [ReuploadItem] = []
        for row in try results.execute("""
            SELECT item_no, record_set, key_values::text AS key_values FROM recon.list_items WHERE list_id = $1 ORDER BY item_no
            """, [String(id)]).rows {
            let name = try row.string("record_set")
            guard let spec = recordSets.first(where: { $0.name == name }) else {
                throw SampleError("list \(id) item \(try row.int("item_no")): record set \"\(name)\" is not configured")
            }
            let values = try decoder.decode([String: String?].self, from: Data(try row.string("key_values").utf8))
            let key = try spec.key.map { field -> String? in
                guard let value = values[field.column] else {
                    throw SampleError("list \(id) item \(try row.int("item_no")): key_values has no \(field.column)")
                }
                return value
            }
            items.append(ReuploadItem(recordSet: name, keyValues: key))
        }
        return ReuploadList(id: id, province: try list.string("province_code"),
                            issuedAt: try BeijingTime.parseTimestamp(try list.string("issued_at")), items: items)
    }
}
