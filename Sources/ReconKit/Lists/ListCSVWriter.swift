import Foundation
import PostgresClient
import ReconRules

/// Writes a list as one CSV file (UTF-8 with BOM, RFC 4180, CRLF; see `CSVWriter`): the header
/// row, then the rows of every record set in 序号 order.
struct ListCSVWriter {
    let formatter: ListRowFormatter

    /// Streams the list's rows from `db` into `path`; returns (items, rows).
    func write(to path: String, from db: Connection) throws -> (items: Int, rows: Int) {
        let writer = try CSVWriter(path: path)
        try writer.writeRow(ListColumn.headers)
        var items = 0, rows = 0, lastItem: Int? = nil
        try ListRowStream(connection: db).forEachRow(listID: formatter.list.id, outstandingOnly: formatter.outstandingOnly,
                                                   condition: formatter.itemCondition) { row in
            try writer.writeRow(formatter.csvFields(row))
            rows += 1
            if row.itemNo != lastItem {
                items += 1
                lastItem = row.itemNo
            }
        }
        try writer.close()
        return (items, rows)
    }
}
