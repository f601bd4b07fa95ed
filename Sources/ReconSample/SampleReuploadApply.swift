import Foundation
import PostgresClient
import ReconRules
import ReconKit

/// What a re-upload did to the ministry's table.
public enum ReuploadAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// The ministry's live row now holds the province's values (other live rows with the key were
    /// marked deleted).
    case updated
    /// The row was new to the ministry (the key was only at the province, or only deleted there).
    case inserted
    /// The key's live ministry rows were marked deleted (the key is not at the province, or is
    /// empty): 对于仅部级存在的记录，在期限内注销/删除也计为已上传.
    case deleted
    /// Nothing to re-upload: the key is on neither side.
    case notFound
}

/// One re-upload as applied.
public struct AppliedReupload: Sendable, Hashable {
    /// The plan's entry.
    public var planned: PlannedReupload
    /// What was done.
    public var action: ReuploadAction
}

extension SampleReupload {
    /// Applies a plan: for each planned item, the ministry's rows of the key (this province's,
    /// live) are made to match the province's first row of the key, with the planned submission
    /// time (报送时间) — updated, inserted or marked deleted — in one transaction.
    ///
    /// Keys are matched after the key columns' normalisers (in SQL, ``KeyNormalisationSQL``), so a
    /// key spelled differently on either side is found. Record sets are taken from `recordSets` by name.
    public static func apply(_ plan: ReuploadPlan, province: String, recordSets: [RecordSetSpec],
                             ministry: Connection, provinceDatabase: Connection) throws -> [AppliedReupload] {
        var applied: [AppliedReupload] = []
        let bySet = Dictionary(grouping: plan.reuploads, by: \.item.recordSet)
        try ministry.transaction { ministry in
            for (name, reuploads) in bySet.sorted(by: { $0.key < $1.key }) {
                guard let spec = recordSets.first(where: { $0.name == name }) else {
                    throw SampleError("re-upload: record set \"\(name)\" is not configured (have: \(recordSets.map(\.name).joined(separator: ", ")))")
                }
                for reupload in reuploads where reupload.item.keyValues.count != spec.key.count {
                    throw SampleError("re-upload: \(name) item \(reupload.item.keyValues) has \(reupload.item.keyValues.count) key value(s), the record set \(spec.key.count)")
                }
                applied += try applySet(spec, reuploads, province: province, ministry: ministry, provinceDatabase: provinceDatabase)
            }
        }
        return applied.sorted { $0.planned.itemIndex < $1.planned.itemIndex }
    }

    /// Loads the items' keys into a temporary table of `connection` and returns, per item number,
    /// the rows whose normalised key matches (`columns` of them, ordered by row_id).
    private static func lookUp(_ spec: RecordSetSpec, _ reuploads: [PlannedReupload], table: String, columns: [String],
                               filter: String, parameters: [String?], _ connection: Connection) throws -> [Int: [[String?]]] {
        try connection.executeSimple("DROP TABLE IF EXISTS pg_temp.sample_reupload_keys; CREATE TEMPORARY TABLE sample_reupload_keys (item integer, " +
                                     (0..<spec.key.count).map { "k\($0) text" }.joined(separator: ", ") + ")")
        try connection.copyIn("COPY sample_reupload_keys FROM STDIN") { writer in
            for (number, reupload) in reuploads.enumerated() { try writer.writeRow([String(number)] + reupload.item.keyValues) }
        }
        try connection.executeSimple("ANALYZE sample_reupload_keys")
        // Each row's key is normalised once (KeyNormalisationSQL, the diff's own key SQL) in an
        // inner query (OFFSET 0 keeps the planner from inlining it). Plain equality on both sides
        // (NULL as chr(1)) lets the planner hash the few keys and scan the table once;
        // IS NOT DISTINCT FROM would make it a nested loop over rows × items.
        let keys = try spec.key.enumerated().map { index, field in
            let expression = try KeyNormalisationSQL.expression(column: "t.\(try connection.quoteIdentifier(field.column))",
                                                                normalisers: field.normalisers, recordSet: spec.name, columnName: field.column)
            return "coalesce(\(expression), chr(1)) AS sample_k\(index)"
        }
        let conditions = spec.key.indices.map { "t.sample_k\($0) = coalesce(k.k\($0), chr(1))" }.joined(separator: " AND ")
        let selected = try columns.map { "t.\(try connection.quoteIdentifier($0))" }.joined(separator: ", ")
        try connection.executeSimple("SET work_mem = '64MB'")  // hash the keys rather than sort the table
        defer { try? connection.executeSimple("RESET work_mem") }
        let result = try connection.execute("""
            SELECT k.item, \(selected)
            FROM (SELECT t.*, \(keys.joined(separator: ", ")) FROM \(try SampleGenerator.quotedTable(table, connection)) t
                  \(filter.isEmpty ? "" : "WHERE " + filter) OFFSET 0) t
            JOIN sample_reupload_keys k ON \(conditions)
            ORDER BY k.item, t.row_id
            """, parameters)
        var rows: [Int: [[String?]]] = [:]
        for row in result.rows {
            rows[try row.int("item"), default: []].append(Array(row.values.dropFirst()))
        }
        try connection.executeSimple("DROP TABLE pg_temp.sample_reupload_keys")
        return rows
    }

    private static func applySet(_ spec: RecordSetSpec, _ reuploads: [PlannedReupload], province: String,
                                 ministry: Connection, provinceDatabase: Connection) throws -> [AppliedReupload] {
        let columns = spec.allColumns.map(\.column)
        let provinceRows = try lookUp(spec, reuploads, table: spec.provinceTable, columns: columns, filter: "", parameters: [], provinceDatabase)
        let ministryRows = try lookUp(spec, reuploads, table: spec.ministryTable, columns: ["row_id"],
                                      filter: "t.\(try ministry.quoteIdentifier(spec.ministryProvinceColumn)) = $1 AND NOT t.\(try ministry.quoteIdentifier(spec.ministryDeletedColumn))",
                                      parameters: [province], ministry)
        let table = try SampleGenerator.quotedTable(spec.ministryTable, ministry)
        let submitted = try ministry.quoteIdentifier(spec.ministrySubmittedColumn)
        let deleted = try ministry.quoteIdentifier(spec.ministryDeletedColumn)
        let quotedColumns = try columns.map { try ministry.quoteIdentifier($0) }
        let assignments = quotedColumns.enumerated().map { "\($1) = $\($0 + 3)" }.joined(separator: ", ")
        var applied: [AppliedReupload] = []
        for (number, reupload) in reuploads.enumerated() {
            let time = BeijingTimeFormat.iso(reupload.submittedAt)
            let live = try (ministryRows[number] ?? []).map { row -> String in
                guard let id = row[0] else { throw SampleError("re-upload: a \(spec.ministryTable) row without row_id") }
                return id
            }
            let emptyKey = reupload.item.keyValues.contains { $0 == nil }
            let action: ReuploadAction
            if !emptyKey, let values = provinceRows[number]?.first {
                if let first = live.first {
                    try ministry.execute("UPDATE \(table) SET \(assignments), \(submitted) = $2 WHERE row_id = $1", [first, time] + values)
                    for other in live.dropFirst() {
                        try ministry.execute("UPDATE \(table) SET \(deleted) = true, \(submitted) = $2 WHERE row_id = $1", [other, time])
                    }
                    action = .updated
                } else {
                    let names = (quotedColumns + [try ministry.quoteIdentifier(spec.ministryProvinceColumn), submitted, deleted]).joined(separator: ", ")
                    let placeholders = (1...(columns.count + 2)).map { "$\($0)" }.joined(separator: ", ")
                    try ministry.execute("INSERT INTO \(table) (\(names)) VALUES (\(placeholders), false)", values + [province, time])
                    action = .inserted
                }
            } else if !live.isEmpty {
                for id in live {
                    try ministry.execute("UPDATE \(table) SET \(deleted) = true, \(submitted) = $2 WHERE row_id = $1", [id, time])
                }
                action = .deleted
            } else {
                action = .notFound
            }
            applied.append(AppliedReupload(planned: reupload, action: action))
        }
        return applied
    }
}
