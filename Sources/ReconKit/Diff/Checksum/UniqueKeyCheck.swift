import PostgresClient
import ReconRules

/// Whether a side's rows can be taken to have distinct normalised keys without grouping them
/// (``BucketChecksumSQL``'s cheaper statement): a unique index without predicate or expressions on
/// key columns only (so the whole key is unique), and normalisers that cannot make two distinct
/// stored keys equal — none on a text column; on an integer column any but `zeroAsNull` (an
/// integer's text has nothing the character steps rewrite, no leading zero, no placeholder).
enum UniqueKeyCheck {
    /// True when `side`'s keys are unique after normalising (false when unsure).
    static func keysUnique(_ recordSet: RecordSetSpec, side: DiffSide, on connection: Connection) throws -> Bool {
        guard let kinds = try KeyReadPlan.columns(recordSet, side: side, on: connection) else { return false }
        for (key, column) in zip(recordSet.key, kinds) {
            switch column.kind {
            case .integer: if key.normalisers.contains(.zeroAsNull) { return false }
            case .text, .other: if !key.normalisers.isEmpty { return false }
            }
        }
        let table = try SQLText.qualifiedTable(side == .ministry ? recordSet.ministryTable : recordSet.provinceTable)
        let names = "{" + recordSet.key.map { "\"" + $0.columnName(ministry: side == .ministry).replacingAll("\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
        let found = try connection.execute("""
            SELECT count(*) AS n FROM pg_index i
            WHERE i.indrelid = to_regclass($1) AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
              AND NOT EXISTS (SELECT 1 FROM unnest(i.indkey::int2[]) AS k(attnum)
                              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                              WHERE NOT (a.attname = ANY($2::text[])))
            """, [table, names]).singleRow().int("n")
        return found > 0
    }
}
