/// The SQL with which tracking looks up the current rows of list items' keys, on the ministry's
/// and on the province's database.
///
/// The open items' keys of one batch are COPYed into a temporary table on each side's connection
/// and joined to the side's table on the key **normalised exactly as the diff normalises it**
/// (`KeyNormalisationSQL`, the diff engine's single definition), so that a key the diff matched
/// despite dirt (全角, spaces, lower-case x) is found again. The server aggregates the rows per key
/// (counts, earliest 报送时间 after the issue, the only live row's core fields), so the client
/// receives one row per key and its memory is bounded by the batch size.
///
/// An empty key part (NULL or `''`) is written and matched as `''`: NULL and empty are the same
/// "empty key" (关键字段为空) here.
///
/// Index use: the join expression is the normalised key. A table with the expression index of
/// `recommendedIndexes()` is probed key by key (measured: 1,000 keys against 200,000 rows of a
/// province in 7 ms instead of 2.8 s). Without it the server narrows by the province column (the
/// reference index `(province_code, key)` leads with it) and reads that province's rows once per
/// batch — never the other provinces' rows.
import ReconRules

public struct TrackingQuery: Sendable {
    /// The record set.
    public let recordSet: RecordSetSpec

    /// A query builder for `recordSet`.
    public init(_ recordSet: RecordSetSpec) { self.recordSet = recordSet }

    /// The temporary table holding one batch of keys: `n` (position in the batch), `k0…`.
    public var keysTable: String { "recon_track_keys_\(recordSet.key.count)" }

    /// Creates the keys table (once per session).
    public var createKeysTable: String {
        let keys = recordSet.key.indices.map { "k\($0) text COLLATE \"C\" NOT NULL" }.joined(separator: ", ")
        return "CREATE TEMPORARY TABLE IF NOT EXISTS \(keysTable) (n integer NOT NULL, \(keys))"
    }

    /// Fills the keys table.
    public var copyKeys: String {
        "COPY \(keysTable) (n, \(recordSet.key.indices.map { "k\($0)" }.joined(separator: ", "))) FROM STDIN"
    }

    /// The normalised key column `index` of a row of `alias` (nil: unqualified), empty as `''`: the
    /// expression the join compares and the recommended index holds.
    func keyExpression(_ index: Int, alias: String?, ministry: Bool) throws -> String {
        let key = recordSet.key[index]
        let name = key.columnName(ministry: ministry)
        let column = (alias.map { "\($0)." } ?? "") + SQLText.identifier(name)
        let expression = try KeyNormalisationSQL.expression(column: column, normalisers: key.normalisers,
                                                            recordSet: recordSet.name, columnName: name)
        return "coalesce(\(expression), '')"
    }

    /// The join condition of the side's table `alias` on the batch's keys `t`.
    func keyCondition(alias: String, ministry: Bool) throws -> String {
        try recordSet.key.indices.map { "\(try keyExpression($0, alias: alias, ministry: ministry)) COLLATE \"C\" = t.k\($0)" }
            .joined(separator: " AND ")
    }

    /// `CREATE INDEX` statements that let the tracking join probe each side key by key instead of
    /// reading the province's rows once per batch: an expression index on the normalised key (the
    /// reference schemas index the raw key columns, which a normalised join cannot use). For the
    /// database administrators of the ministry's and the province's registries; recon never runs
    /// them itself.
    public func recommendedIndexes() throws -> (ministry: String, province: String) {
        let keys = { (ministry: Bool) in
            try self.recordSet.key.indices.map { "(\(try self.keyExpression($0, alias: nil, ministry: ministry))) COLLATE \"C\"" }
                .joined(separator: ", ")
        }
        let name = SQLText.identifier("recon_\(recordSet.name)_normalised_key")
        return ("CREATE INDEX IF NOT EXISTS \(name) ON \(try SQLText.qualifiedTable(recordSet.ministryTable)) "
                    + "(\(SQLText.identifier(recordSet.ministryProvinceColumn)), \(try keys(true)))",
                "CREATE INDEX IF NOT EXISTS \(name) ON \(try SQLText.qualifiedTable(recordSet.provinceTable)) (\(try keys(false)))")
    }

    /// The compared core fields of a row of `alias` as one JSON array of text (NULL kept).
    func fieldsJSON(alias: String, ministry: Bool) -> String {
        guard !recordSet.fields.isEmpty else { return "'[]'::jsonb" }
        return "to_jsonb(ARRAY[" + recordSet.fields.map { "\(alias).\(SQLText.identifier($0.columnName(ministry: ministry)))::text" }
            .joined(separator: ", ") + "])"
    }

    /// The ministry's summary per key: `$1` the province code, `$2` the list's issue instant.
    /// Columns: n, total, live, first_after_us, first_after_deleted, first_live_after_us, only_live (JSON text).
    public func ministrySummary() throws -> String {
        let province = "m.\(SQLText.identifier(recordSet.ministryProvinceColumn))"
        // 报送时间 as an instant, read one way for comparing and for storing (docs/rules.md,
        // "Beijing time and submission time (注1)"): a `timestamp without time zone` column holds
        // Beijing wall-clock times, cast with the session's pinned TimeZone Asia/Shanghai
        // (`Connection.sessionSettings`); a `timestamptz` is unchanged; `date` is refused by the preflight.
        let submitted = "(m.\(SQLText.identifier(recordSet.ministrySubmittedColumn)))::timestamptz"
        let deleted = DeletedFlagSQL.deleted(recordSet, alias: "m")
        let live = DeletedFlagSQL.live(recordSet, alias: "m")
        let after = "\(submitted) > $2::timestamptz"
        return """
            SELECT t.n, count(\(province)) AS total,
                   count(\(province)) FILTER (WHERE \(live)) AS live,
                   \(ListTime.microsSQL("min(\(submitted)) FILTER (WHERE \(after))")) AS first_after_us,
                   (array_agg(\(deleted) ORDER BY \(submitted), \(deleted)) FILTER (WHERE \(after)))[1] AS first_after_deleted,
                   \(ListTime.microsSQL("min(\(submitted)) FILTER (WHERE \(after) AND \(live))")) AS first_live_after_us,
                   CASE WHEN count(\(province)) FILTER (WHERE \(live)) = 1
                        THEN ((array_agg(\(fieldsJSON(alias: "m", ministry: true))) FILTER (WHERE \(live)))[1])::text END AS only_live
            FROM \(keysTable) t
            LEFT JOIN \(try SQLText.qualifiedTable(recordSet.ministryTable)) m
                   ON \(province) = $1 AND \(try keyCondition(alias: "m", ministry: true))
                  AND \(DeletedFlagSQL.passes(recordSet.ministryFilter, alias: "m"))
            GROUP BY t.n ORDER BY t.n
            """
    }

    /// The province's summary per key. Columns: n, total, live, only_live (JSON text). With exactly
    /// one matching row the group holds just that row, so its fields are the aggregate's only element.
    public func provinceSummary() throws -> String {
        """
        SELECT t.n, count(p.*) AS total, count(p.*) AS live,
               CASE WHEN count(p.*) = 1 THEN ((array_agg(\(fieldsJSON(alias: "p", ministry: false))))[1])::text END AS only_live
        FROM \(keysTable) t
        LEFT JOIN \(try SQLText.qualifiedTable(recordSet.provinceTable)) p ON \(try keyCondition(alias: "p", ministry: false))
             AND \(DeletedFlagSQL.passes(recordSet.provinceFilter, alias: "p"))
        GROUP BY t.n ORDER BY t.n
        """
    }
}
