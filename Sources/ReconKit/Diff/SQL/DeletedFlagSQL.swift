import ReconRules

/// The SQL conditions of the ministry's deleted/cancelled marker, whatever its type
/// (`ministry_deleted_column`, `ministry_deleted_values`): a boolean (`true` = deleted), a column
/// whose listed values mean deleted (compared as text: `char(1)` '1', smallint 1, a status code), or
/// no column at all (every row live). Identifiers and values are quoted; no raw SQL from the config.
public enum DeletedFlagSQL {
    /// The condition that a row of `alias` (nil: unqualified) is deleted.
    public static func deleted(_ recordSet: RecordSetSpec, alias: String? = nil) -> String {
        guard !recordSet.ministryDeletedColumn.isEmpty else { return "false" }
        let column = (alias.map { "\($0)." } ?? "") + SQLText.identifier(recordSet.ministryDeletedColumn)
        guard let values = recordSet.ministryDeletedValues else { return "(\(column) IS TRUE)" }
        guard !values.isEmpty else { return "false" }
        return "coalesce((\(column))::text IN (\(values.map(SQLText.literal).joined(separator: ", "))), false)"
    }

    /// The condition that a row of `alias` is live (not deleted; a NULL marker is live).
    public static func live(_ recordSet: RecordSetSpec, alias: String? = nil) -> String {
        "NOT \(deleted(recordSet, alias: alias))"
    }

    /// The condition that a row of `alias` passes `filter` (`TRUE` without one).
    public static func passes(_ filter: RowFilter?, alias: String? = nil) -> String {
        guard let filter, !filter.values.isEmpty else { return filter?.mode == .include ? "false" : "true" }
        let column = (alias.map { "\($0)." } ?? "") + SQLText.identifier(filter.column)
        let member = "(\(column))::text IN (\(filter.values.map(SQLText.literal).joined(separator: ", ")))"
        return filter.mode == .include ? "coalesce(\(member), false)" : "NOT coalesce(\(member), false)"
    }
}
