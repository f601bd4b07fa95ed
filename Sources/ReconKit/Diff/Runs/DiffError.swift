/// Why a diff stopped. Every message names the record set, side, row or value at fault.
import ReconRules

public enum DiffError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A side's rows did not arrive in key order (byte order, NULLs first): the merge would report
    /// garbage, so it stops. `row` is the 1-based position in that side's stream.
    case outOfOrder(side: DiffSide, row: Int, previousKey: String, key: String)
    /// A row had another number of columns than the query selects.
    case columnCount(side: DiffSide, row: Int, expected: Int, found: Int)
    /// A key column is configured with a normaliser that cannot be applied in SQL (keys are
    /// normalised by the server so that both sides sort the same way).
    case unsupportedKeyNormaliser(recordSet: String, column: String, normaliser: String)
    /// A record set has no key columns.
    case noKeyColumns(recordSet: String)
    /// A configured table does not exist in a side's database.
    case missingTable(side: DiffSide, table: String, database: String)
    /// Configured columns do not exist in a side's table.
    case missingColumns(side: DiffSide, table: String, columns: [String], database: String)
    /// Reading a side failed (connection lost, query cancelled, server error).
    case readFailed(side: DiffSide, message: String)
    /// A table name is not `table` or `schema.table`.
    case badTableName(String)
    /// A value going into a difference is not valid UTF-8 (a registry in SQL_ASCII can hold any
    /// byte): the run stops rather than show an altered value (docs/rules.md, "What counts as a
    /// difference"). `key` is the row's key as ``KeyText`` prints it (bytes that are not UTF-8 shown
    /// as U+FFFD); `bytes` the value's hex and the offset of its first invalid byte (``InvalidBytes``).
    case invalidText(recordSet: String, side: DiffSide, table: String, key: String, column: String, bytes: String)
    /// Read in raw-key order (issue 18), the rows whose key the normalisers change were fetched
    /// apart; their count there (`fetched`) and in the ordered read (`skipped`) differ, so the
    /// two reads did not see the same rows: the run stops rather than miss or double a row.
    case sideStreamMismatch(side: DiffSide, fetched: Int, skipped: Int)

    public var description: String {
        switch self {
        case let .outOfOrder(side, row, previousKey, key):
            return "the \(side) side is not in key order at row \(row): key \(key) follows \(previousKey) (expected byte order, NULLs first, as ORDER BY … COLLATE \"C\" NULLS FIRST); stopping rather than reporting wrong differences"
        case let .columnCount(side, row, expected, found):
            return "the \(side) side's row \(row) has \(found) columns, expected \(expected)"
        case let .unsupportedKeyNormaliser(recordSet, column, normaliser):
            return "record set \(recordSet): key column \(column) has normaliser \"\(normaliser)\", which cannot be applied to a key (keys are normalised in SQL; allowed: fullWidth, parentheses, trim, collapseSpaces, upper, placeholderAsNull, zeroAsNull, emptyAsNull)"
        case let .noKeyColumns(recordSet):
            return "record set \(recordSet) has no key columns"
        case let .missingTable(side, table, database):
            return "table \(table) does not exist in the \(side) database \(database)"
        case let .missingColumns(side, table, columns, database):
            return "table \(table) in the \(side) database \(database) has no column(s) \(columns.joined(separator: ", "))"
        case let .readFailed(side, message):
            return "reading the \(side) side failed: \(message)"
        case let .badTableName(name):
            return "table name \"\(name)\" is not of the form table or schema.table"
        case let .invalidText(recordSet, side, table, key, column, bytes):
            return "record set \(recordSet), \(side) table \(table), key \(key), column \(column): the value is not valid UTF-8, bytes \(bytes); fix the value (or the database's encoding) and reconcile again — recon does not show an altered value; this run's results were not stored (值不是有效的 UTF-8 编码：数据类别 \(recordSet)，表 \(table)，关键字段值 \(key)，字段 \(column))"
        case let .sideStreamMismatch(side, fetched, skipped):
            return "the \(side) side's rows whose key is normalised were \(fetched) when fetched apart but \(skipped) in the ordered read: the two reads did not see the same rows; reconcile again"
        }
    }
}
