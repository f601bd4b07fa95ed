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
    /// Only the rows of some buckets of normalised keys (a checksum read, ``ChecksumNarrowing``);
    /// nil: every row. Set with ``restricted(to:)``.
    public private(set) var restriction: BucketRestriction? = nil
    /// The restriction's condition per side (ministry, province), built when it is set.
    private var restrictionSQL: (ministry: String, province: String)? = nil

    /// A query builder for `recordSet`; refuses a set without key columns.
    public init(_ recordSet: RecordSetSpec) throws {
        guard !recordSet.key.isEmpty else { throw DiffError.noKeyColumns(recordSet: recordSet.name) }
        self.recordSet = recordSet
    }

    /// The same statements, reading only the rows of `restriction`'s buckets on each side.
    public func restricted(to restriction: BucketRestriction) throws -> DiffQuery {
        var query = self
        query.restriction = restriction
        query.restrictionSQL = (restriction.condition(keyText: BucketChecksumSQL.rowText(try normalisedKeyExpressions(.ministry))),
                                restriction.condition(keyText: BucketChecksumSQL.rowText(try normalisedKeyExpressions(.province))))
        return query
    }

    public static func == (a: DiffQuery, b: DiffQuery) -> Bool {
        a.recordSet == b.recordSet && a.restriction == b.restriction
    }

    /// The key columns of a side normalised in SQL (``KeyNormalisationSQL``), as text.
    func normalisedKeyExpressions(_ side: DiffSide) throws -> [String] {
        try recordSet.key.map { key in
            let name = key.columnName(ministry: side == .ministry)
            return try KeyNormalisationSQL.expression(column: SQLText.identifier(name), normalisers: key.normalisers,
                                                      recordSet: recordSet.name, columnName: name)
        }
    }

    /// The SELECT list of a side: normalised keys (`COLLATE "C"`), then raw fields, each by the
    /// side's own column name.
    func selectList(_ side: DiffSide = .province) throws -> String {
        let ministry = side == .ministry
        var items: [String] = []
        for (index, expr) in try normalisedKeyExpressions(side).enumerated() {
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
            + (restrictionSQL.map { " AND \($0.ministry)" } ?? "")
    }

    /// The province side's filter (`province_exclude` / `province_include`, a restriction), or nothing.
    var provinceFilter: String {
        var conditions: [String] = []
        if recordSet.provinceFilter != nil { conditions.append(DeletedFlagSQL.passes(recordSet.provinceFilter)) }
        if let restrictionSQL { conditions.append(restrictionSQL.province) }
        return conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
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

    // MARK: Raw-key order (issue 18)

    /// The SELECT list of a side with the key columns raw (as stored), then the raw fields.
    func rawSelectList(_ side: DiffSide) -> String {
        let ministry = side == .ministry
        return recordSet.allColumns.map { SQLText.identifier($0.columnName(ministry: ministry)) }.joined(separator: ", ")
    }

    /// `ORDER BY k1 [COLLATE "C"], …`: the order of an index on the key (`COLLATE "C"` text
    /// columns, integer columns as integers, NULLs last), which ``KeyComparator`` reproduces for
    /// keys without NULLs.
    func rawOrderBy(_ side: DiffSide, integerColumns: [Bool]) -> String {
        "ORDER BY " + recordSet.key.enumerated().map { index, key in
            let name = SQLText.identifier(key.columnName(ministry: side == .ministry))
            return integerColumns[index] ? name : "\(name) COLLATE \"C\""
        }.joined(separator: ", ")
    }

    /// A side's filter with `extra` added (`WHERE … AND (extra)`).
    func filter(_ side: DiffSide, provinceCode: String, and extra: String? = nil) -> String {
        let base = side == .ministry ? ministryFilter(provinceCode: provinceCode) : provinceFilter
        guard let extra else { return base }
        return base.isEmpty ? "WHERE (\(extra))" : "\(base) AND (\(extra))"
    }

    func table(_ side: DiffSide) throws -> String {
        try SQLText.qualifiedTable(side == .ministry ? recordSet.ministryTable : recordSet.provinceTable)
    }

    /// The `COPY` of a side in raw-key order (the index's order when there is one): no per-row key
    /// expression and no sort of a cast.
    public func rawCopy(_ side: DiffSide, provinceCode: String, integerColumns: [Bool]) throws -> String {
        "COPY (SELECT \(rawSelectList(side)) FROM \(try table(side)) \(filter(side, provinceCode: provinceCode)) \(rawOrderBy(side, integerColumns: integerColumns))) TO STDOUT"
    }

    /// The condition selecting a side's rows whose key may move when normalised: a NULL key column
    /// (unless declared NOT NULL: `notNull`) or a value the normalisers may change
    /// (``KeyNormalisationSQL/mayChange(column:normalisers:)``); nil when no row can move.
    ///
    /// An integer column's text (digits, a leading `-`, no leading zeros) is changed by one
    /// normaliser only: `zeroAsNull` turns `0` into NULL (no placeholder is a number, `numericCode`
    /// finds no leading zero, the character steps nothing to rewrite); so there the condition is
    /// `= 0`, which needs no per-row text test.
    func movedCondition(_ side: DiffSide, notNull: [Bool], integerColumns: [Bool] = []) -> String? {
        var parts: [String] = []
        for (index, key) in recordSet.key.enumerated() {
            let name = SQLText.identifier(key.columnName(ministry: side == .ministry))
            if !notNull[index] { parts.append("\(name) IS NULL") }
            if index < integerColumns.count, integerColumns[index] {
                if key.normalisers.contains(.zeroAsNull) { parts.append("\(name) = 0") }
            } else if let change = KeyNormalisationSQL.mayChange(column: name, normalisers: key.normalisers) {
                parts.append(change)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: " OR ")
    }

    /// The `COPY` of a side's rows whose key may move (any order), or nil when none can.
    public func movedCopy(_ side: DiffSide, provinceCode: String, notNull: [Bool], integerColumns: [Bool] = []) throws -> String? {
        guard let condition = movedCondition(side, notNull: notNull, integerColumns: integerColumns) else { return nil }
        return "COPY (SELECT \(rawSelectList(side)) FROM \(try table(side)) \(filter(side, provinceCode: provinceCode, and: condition))) TO STDOUT"
    }

    /// The `COPY` with keys normalised in SQL (``copy(_:provinceCode:)``), integer key columns
    /// ordered as numbers so that the order agrees with a raw-key read of the other side.
    public func copy(_ side: DiffSide, provinceCode: String, integerColumns: [Bool]) throws -> String {
        guard integerColumns.contains(true) else { return try copy(side, provinceCode: provinceCode) }
        let ministry = side == .ministry
        let order = try recordSet.key.enumerated().map { index, key -> String in
            guard integerColumns[index] else { return "\(index + 1) NULLS FIRST" }
            let name = key.columnName(ministry: ministry)
            let expr = try KeyNormalisationSQL.expression(column: SQLText.identifier(name), normalisers: key.normalisers,
                                                          recordSet: recordSet.name, columnName: name)
            return "(\(expr))::numeric NULLS FIRST"
        }.joined(separator: ", ")
        return "COPY (SELECT \(try selectList(side)) FROM \(try table(side)) \(filter(side, provinceCode: provinceCode)) ORDER BY \(order)) TO STDOUT"
    }

    /// The number of columns of each streamed row.
    public var columnCount: Int { recordSet.key.count + recordSet.fields.count }
}
