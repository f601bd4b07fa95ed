import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample

/// An independent check of the planted truth in plain SQL: the normalisers written as SQL
/// functions (from their documented meaning, not from the generator's code), the province's tables
/// copied next to the ministry's, and a keyed comparison by GROUP BY / FULL JOIN.
enum SampleSQLCheck {
    /// A key the comparison reports.
    struct Finding: Hashable, CustomStringConvertible {
        var recordSet: String
        var key: [String?]
        var category: String
        var ministry: Int
        var province: Int
        var fields: [String]
        var description: String { "\(recordSet) \(key.map { $0 ?? "∅" }) \(category) m\(ministry) p\(province) \(fields)" }

        init(recordSet: String, key: [String?], category: String, ministry: Int, province: Int, fields: [String]) {
            self.recordSet = recordSet
            self.key = key
            self.category = category
            self.ministry = ministry
            self.province = province
            self.fields = fields
        }

        init(_ planted: PlantedDifference) {
            self.init(recordSet: planted.recordSet, key: planted.keyValues, category: planted.category.rawValue,
                      ministry: planted.ministryCount, province: planted.provinceCount, fields: planted.fields)
        }
    }

    /// Installs `chk_<step>(text)` functions, one per normaliser step.
    static func install(_ c: Connection) throws {
        let fullWidth = String(String.UnicodeScalarView((0xFF01...0xFF5E).map { Unicode.Scalar(UInt32($0))! })) + "\u{3000}"
        let ascii = String(String.UnicodeScalarView((0x21...0x7E).map { Unicode.Scalar(UInt32($0))! })) + " "
        let lower = "abcdefghijklmnopqrstuvwxyz", upper = lower.uppercased()
        try c.executeSimple("""
            CREATE FUNCTION chk_fullwidth(x text) RETURNS text IMMUTABLE LANGUAGE sql AS $f$ SELECT translate(x, \(try c.quoteLiteral(fullWidth)), \(try c.quoteLiteral(ascii))) $f$;
            CREATE FUNCTION chk_parentheses(x text) RETURNS text IMMUTABLE LANGUAGE sql AS $f$ SELECT translate(x, '（）', '()') $f$;
            CREATE FUNCTION chk_trim(x text) RETURNS text IMMUTABLE LANGUAGE sql AS $f$ SELECT btrim(x, E' \\t\\r\\n' || chr(12288)) $f$;
            CREATE FUNCTION chk_collapse(x text) RETURNS text IMMUTABLE LANGUAGE sql AS $f$ SELECT regexp_replace(x, E'[ \\t\\r\\n\\u3000]+', ' ', 'g') $f$;
            CREATE FUNCTION chk_upper(x text) RETURNS text IMMUTABLE LANGUAGE sql AS $f$ SELECT translate(x, '\(lower)', '\(upper)') $f$;
            CREATE FUNCTION chk_date(x text) RETURNS text IMMUTABLE LANGUAGE plpgsql AS $f$
            DECLARE m text[];
            BEGIN
                IF x IS NULL THEN RETURN NULL; END IF;
                m := regexp_match(x, '^([0-9]{4})([0-9]{2})([0-9]{2})$');
                IF m IS NULL THEN
                    m := regexp_match(x, '^([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?)?$');
                END IF;
                IF m IS NULL THEN RETURN x; END IF;
                RETURN to_char(make_date(m[1]::int, m[2]::int, m[3]::int), 'YYYY-MM-DD');
            EXCEPTION WHEN others THEN RETURN x;
            END $f$;
            CREATE FUNCTION chk_decimal(x text) RETURNS text IMMUTABLE LANGUAGE sql AS $f$
                SELECT CASE WHEN x ~ '^[+-]?([0-9]+([.][0-9]+)?|[.][0-9]+)$' THEN trim_scale(x::numeric)::text ELSE x END $f$;
            CREATE FUNCTION chk_placeholder(x text) RETURNS text IMMUTABLE LANGUAGE sql AS $f$
                SELECT CASE WHEN translate(x, '\(lower)', '\(upper)') IN ('无', '暂无', '空', '-', '--', '/', '—', '——', 'NULL', 'N/A') THEN NULL ELSE x END $f$;
            """)
    }

    /// The SQL of `expression` normalised by `normalisers`, steps in their canonical order.
    static func normalised(_ expression: String, _ normalisers: [FieldNormaliser]) throws -> String {
        var sql = expression
        for step in FieldNormaliser.allCases where normalisers.contains(step) {
            switch step {
            case .fullWidth: sql = "chk_fullwidth(\(sql))"
            case .parentheses: sql = "chk_parentheses(\(sql))"
            case .trim: sql = "chk_trim(\(sql))"
            case .collapseSpaces: sql = "chk_collapse(\(sql))"
            case .upper: sql = "chk_upper(\(sql))"
            case .date: sql = "chk_date(\(sql))"
            case .decimal: sql = "chk_decimal(\(sql))"
            case .placeholderAsNull: sql = "chk_placeholder(\(sql))"
            case .zeroAsNull: sql = "NULLIF(\(sql), '0')"
            case .emptyAsNull: sql = "NULLIF(\(sql), '')"
            case .timestamp: throw SampleError("the SQL check has no timestamp step")
            case .numericCode: throw SampleError("the SQL check has no numericCode step (the sample sets use none)")
            }
        }
        return sql
    }

    /// Copies `table` (its `columns`) of `source` into a new all-text table `copy` of `target`.
    static func copyTable(_ table: String, columns: [String], from source: Connection, to target: Connection, as copy: String) throws {
        try target.executeSimple("CREATE TABLE \(copy) (" + columns.map { "\($0) text" }.joined(separator: ", ") + ")")
        let list = columns.joined(separator: ", ")
        let stream = try source.copyOut("COPY \(table) (\(list)) TO STDOUT")
        try target.copyIn("COPY \(copy) (\(list)) FROM STDIN") { writer in
            while try stream.next({ try writer.writeRaw($0) }) != nil {}
        }
    }

    /// Every key of one province and record set with a difference: the ministry's live rows of the
    /// province in `spec.ministryTable` against `provinceCopy`, both normalised.
    static func findings(_ c: Connection, spec: RecordSetSpec, province: String, provinceCopy: String) throws -> (findings: Set<Finding>, union: Int) {
        let keys = spec.key.indices.map { "k\($0)" }
        let fields = spec.fields.indices.map { "f\($0)" }
        func select(_ alias: String) throws -> String {
            try (spec.key.enumerated().map { "\(try normalised("\(alias).\($1.column)", $1.normalisers)) AS k\($0)" }
                 + spec.fields.enumerated().map { "\(try normalised("\(alias).\($1.column)", $1.normalisers)) AS f\($0)" })
                .joined(separator: ", ")
        }
        let keyList = keys.joined(separator: ", ")
        // FULL JOIN needs plain equality: NULL (empty) key columns are grouped as chr(1) and mapped back.
        let sentinelKeys = keys.map { "coalesce(\($0), chr(1)) AS \($0)" }.joined(separator: ", ")
        let nullSafe = keys.map { "mk.\($0) = pk.\($0)" }.joined(separator: " AND ")
        let equal = { (a: String, b: String) in keys.map { "\(a).\($0) = \(b).\($0)" }.joined(separator: " AND ") }
        let differing = spec.fields.enumerated().map { "CASE WHEN m.f\($0) IS DISTINCT FROM p.f\($0) THEN '\($1.column)' END" }.joined(separator: ", ")
        let anyNull = keys.map { "keys.\($0) IS NULL" }.joined(separator: " OR ")
        let sql = """
            WITH m AS MATERIALIZED (SELECT \(try select("t")) FROM \(spec.ministryTable) t WHERE t.province_code = $1 AND NOT t.deleted),
                 p AS MATERIALIZED (SELECT \(try select("t")) FROM \(provinceCopy) t),
                 mk AS (SELECT \(sentinelKeys), count(*) AS n FROM m GROUP BY \(keyList)),
                 pk AS (SELECT \(sentinelKeys), count(*) AS n FROM p GROUP BY \(keyList)),
                 keys AS (SELECT \(keys.map { "nullif(coalesce(mk.\($0), pk.\($0)), chr(1)) AS \($0)" }.joined(separator: ", ")),
                                 coalesce(mk.n, 0) AS mn, coalesce(pk.n, 0) AS pn
                          FROM mk FULL JOIN pk ON \(nullSafe)),
                 pairs AS (SELECT \(keys.map { "keys.\($0)" }.joined(separator: ", ")),
                                  array_to_string(ARRAY[\(differing)]::text[], ',') AS fields
                           FROM keys JOIN m ON \(equal("m", "keys")) JOIN p ON \(equal("p", "keys"))
                           WHERE keys.mn = 1 AND keys.pn = 1)
            SELECT \(keys.map { "keys.\($0)" }.joined(separator: ", ")), keys.mn, keys.pn,
                   CASE WHEN \(anyNull) THEN 'empty_key'
                        WHEN keys.mn > 1 OR keys.pn > 1 THEN 'duplicate_key'
                        WHEN keys.pn = 0 THEN 'ministry_only'
                        WHEN keys.mn = 0 THEN 'province_only'
                        ELSE 'field_mismatch' END AS category,
                   coalesce(pairs.fields, '') AS fields
            FROM keys LEFT JOIN pairs ON \(equal("pairs", "keys"))
            """
        let rows = try c.execute(sql, [province]).rows
        var result = Set<Finding>()
        for row in rows {
            let category = try row.string("category")
            let fields = try row.string("fields").split(separator: ",").map(String.init)
            if category == "field_mismatch" && fields.isEmpty { continue }
            result.insert(Finding(recordSet: spec.name, key: keys.map { row[$0] }, category: category,
                                  ministry: try row.int("mn"), province: try row.int("pn"), fields: fields))
        }
        return (result, rows.count)
    }
}
