/// The statements that stream one side of a record set in key order.
///
/// Each side is read with
/// `COPY (SELECT <normalised keys> COLLATE "C", <raw fields> FROM <table> [WHERE …] ORDER BY 1 NULLS FIRST, …) TO STDOUT`:
/// keys normalised in SQL (``KeyNormalisationSQL``) and sorted by bytes (`COLLATE "C"` on each key
/// output column, so `ORDER BY 1, 2, …` sorts by byte order whatever the database's default
/// collation), NULL keys first; the core fields raw, as stored (lists show raw values). The ministry
/// side keeps only the province's live rows (`province_code = …` and not deleted).
import ReconRules

public struct DiffQuery: Sendable, Equatable {
    /// The record set.
    public let recordSet: RecordSetSpec

    /// A query builder for `recordSet`; refuses a set without key columns.
    public init(_ recordSet: RecordSetSpec) throws {
        guard !recordSet.key.isEmpty else { throw DiffError.noKeyColumns(recordSet: recordSet.name) }
        self.recordSet = recordSet
    }

    /// The SELECT list of a side: normalised keys (`COLLATE "C"`), then raw fields, each by the
    /// side's own column name.
    func selectList(_ side: DiffSide = .province) throws -> String {
        let ministry = side == .ministry
        var items: [String] = []
        for (index, key) in recordSet.key.enumerated() {
            let name = key.columnName(ministry: ministry)
            let expr = try KeyNormalisationSQL.expression(
                column: SQLText.identifier(name), normalisers: key.normalisers,
                recordSet: recordSet.name, columnName: name)
            items.append("(\(expr)) COLLATE \"C\" AS \(SQLText.identifier("key\(index)"))")
        }
        for field in recordSet.fields { items.append(SQLText.identifier(field.columnName(ministry: ministry))) }
        return items.joined(separator: ", ")
    }

    /// `ORDER BY 1 NULLS FIRST, 2 NULLS FIRST, …` over the key output columns (collation "C").
    var orderBy: String {
        "ORDER BY " + (1...recordSet.key.count).map { "\($0) NULLS FIRST" }.joined(separator: ", ")
    }

    /// The ministry side's filter: the province's rows that are not deleted (注1: rows as uploaded).
    func ministryFilter(provinceCode: String) -> String {
        "WHERE \(SQLText.identifier(recordSet.ministryProvinceColumn)) = \(SQLText.literal(provinceCode))"
            + " AND \(DeletedFlagSQL.live(recordSet)) AND \(DeletedFlagSQL.passes(recordSet.ministryFilter))"
    }

    /// The province side's filter (`province_exclude` / `province_include`), or nothing.
    var provinceFilter: String {
        recordSet.provinceFilter == nil ? "" : "WHERE \(DeletedFlagSQL.passes(recordSet.provinceFilter))"
    }

    /// The ordered SELECT of one side.
    public func select(_ side: DiffSide, provinceCode: String) throws -> String {
        switch side {
        case .ministry:
            return "SELECT \(try selectList(.ministry)) FROM \(try SQLText.qualifiedTable(recordSet.ministryTable)) \(ministryFilter(provinceCode: provinceCode)) \(orderBy)"
        case .province:
            return "SELECT \(try selectList(.province)) FROM \(try SQLText.qualifiedTable(recordSet.provinceTable)) \(provinceFilter) \(orderBy)"
        }
    }

    /// The `COPY (…) TO STDOUT` statement of one side.
    public func copy(_ side: DiffSide, provinceCode: String) throws -> String {
        "COPY (\(try select(side, provinceCode: provinceCode))) TO STDOUT"
    }

    /// A cheap statement whose plan estimates the side's row count (for the progress line).
    public func estimateStatement(_ side: DiffSide, provinceCode: String) throws -> String {
        switch side {
        case .ministry:
            return "EXPLAIN SELECT 1 FROM \(try SQLText.qualifiedTable(recordSet.ministryTable)) \(ministryFilter(provinceCode: provinceCode))"
        case .province:
            return "EXPLAIN SELECT 1 FROM \(try SQLText.qualifiedTable(recordSet.provinceTable)) \(provinceFilter)"
        }
    }

    /// The number of columns of each streamed row.
    public var columnCount: Int { recordSet.key.count + recordSet.fields.count }
}
