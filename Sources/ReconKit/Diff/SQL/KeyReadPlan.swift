import PostgresClient
import ReconRules

/// How a record set's sides are read (issue 18: "Read in index order when the key has an index
/// whose order the merge can reproduce … instead of sorting a text cast").
///
/// When every key column is `text`/`varchar` on both sides, or an integer type (`smallint`,
/// `integer`, `bigint`) on both sides, each side is read with its keys raw and ordered as an index
/// on them orders (``DiffQuery/rawCopy(_:provinceCode:integerColumns:)``: text under
/// `COLLATE "C"`, integers as integers); ``KeyComparator`` compares the same way. The rows whose key
/// a normaliser changes, or that have a NULL key column, are few: they are fetched apart
/// (``DiffQuery/movedCopy(_:provinceCode:notNull:)``), normalised in Swift (``KeyNormaliser``) and
/// merged back in their place (``SideStreamSource``). Any other column type (`char(n)`, whose
/// `::text` drops the padding; dates; mixed types) keeps the statement that normalises and sorts
/// in SQL (``DiffQuery/copy(_:provinceCode:)``). The differences are the same either way; only
/// an integer key's differences come in numeric rather than text order.
public struct KeyReadPlan: Sendable, Equatable {
    /// Per key column: compared as an integer.
    public let integerColumns: [Bool]
    /// Per side, per key column: declared NOT NULL.
    public let ministryNotNull: [Bool]
    public let provinceNotNull: [Bool]

    /// The key columns' NOT NULL flags of a side.
    public func notNull(_ side: DiffSide) -> [Bool] { side == .ministry ? ministryNotNull : provinceNotNull }

    /// The type category of a column, as far as the plan cares.
    enum Kind: Equatable { case integer, text, other }

    /// The plan for `recordSet` on these two connections, or nil to read the old way. Unless
    /// `normaliseTextKeysInSwift`, a text key column whose normalisers may change a value keeps the
    /// old way too (measured: finding its moved rows costs a scan with a per-row text test).
    public static func choose(_ recordSet: RecordSetSpec, ministry: Connection, province: Connection,
                              normaliseTextKeysInSwift: Bool = true) throws -> KeyReadPlan? {
        guard let m = try columns(recordSet, side: .ministry, on: ministry),
              let p = try columns(recordSet, side: .province, on: province) else { return nil }
        var integers: [Bool] = []
        for (index, (a, b)) in zip(m, p).enumerated() {
            guard a.kind == b.kind, a.kind != .other else { return nil }
            if a.kind == .text, !normaliseTextKeysInSwift,
               KeyNormalisationSQL.mayChange(column: "k", normalisers: recordSet.key[index].normalisers) != nil { return nil }
            integers.append(a.kind == .integer)
        }
        return KeyReadPlan(integerColumns: integers, ministryNotNull: m.map(\.notNull), provinceNotNull: p.map(\.notNull))
    }

    /// The key columns' kinds and NOT NULL flags on one side; nil when one is not found.
    static func columns(_ recordSet: RecordSetSpec, side: DiffSide, on connection: Connection) throws -> [(kind: Kind, notNull: Bool)]? {
        let table = try SQLText.qualifiedTable(side == .ministry ? recordSet.ministryTable : recordSet.provinceTable)
        let rows = try connection.execute("""
            SELECT a.attname, t.typname, a.attnotnull::text AS notnull
            FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
            WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
            """, [table]).rows
        var found: [String: (Kind, Bool)] = [:]
        for row in rows {
            let kind: Kind
            switch try row.string("typname") {
            case "int2", "int4", "int8": kind = .integer
            case "text", "varchar": kind = .text
            default: kind = .other
            }
            found[try row.string("attname")] = (kind, try row.string("notnull") == "true")
        }
        var result: [(kind: Kind, notNull: Bool)] = []
        for key in recordSet.key {
            guard let column = found[key.columnName(ministry: side == .ministry)] else { return nil }
            result.append((column.0, column.1))
        }
        return result
    }
}
