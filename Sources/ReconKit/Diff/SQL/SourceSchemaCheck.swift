import PostgresClient
import ReconRules

/// Checks, before any data moves, that a side's table and every column the diff reads exist
/// (issue 5: "a missing table or column … refused at start-up").
public enum SourceSchemaCheck {
    /// The columns a side's statement reads.
    public static func columns(of recordSet: RecordSetSpec, side: DiffSide) -> [String] {
        var columns = recordSet.allColumns.map { $0.columnName(ministry: side == .ministry) }
        if side == .ministry {
            columns += [recordSet.ministryProvinceColumn, recordSet.ministrySubmittedColumn]
            if !recordSet.ministryDeletedColumn.isEmpty { columns.append(recordSet.ministryDeletedColumn) }
            if let filter = recordSet.ministryFilter { columns.append(filter.column) }
        } else if let filter = recordSet.provinceFilter {
            columns.append(filter.column)
        }
        return columns
    }

    /// Throws `DiffError.missingTable` / `.missingColumns` naming what is missing.
    public static func verify(_ recordSet: RecordSetSpec, side: DiffSide, connection: Connection) throws {
        let table = side == .ministry ? recordSet.ministryTable : recordSet.provinceTable
        let quoted = try SQLText.qualifiedTable(table)
        let present = try connection.execute("SELECT to_regclass($1) IS NOT NULL AS present", [quoted]).singleRow()
        guard try present.bool("present") else {
            throw DiffError.missingTable(side: side, table: table, database: connection.redactedConninfo)
        }
        let rows = try connection.execute("""
            SELECT attname FROM pg_attribute
            WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped
            """, [quoted]).rows
        let existing = Set(try rows.map { try $0.string("attname") })
        var missing: [String] = []
        for column in columns(of: recordSet, side: side) where !existing.contains(column) && !missing.contains(column) {
            missing.append(column)
        }
        if !missing.isEmpty {
            throw DiffError.missingColumns(side: side, table: table, columns: missing, database: connection.redactedConninfo)
        }
    }
}
