/// The statements of a checksum read (issue 18; docs/rules.md, "Reading far-apart databases").
///
/// A row's *key text* is `ROW(k1, k2, …)::text` over its keys normalised as the full read
/// normalises them (``KeyNormalisationSQL``), so rows the merge would put under one key share it
/// on both sides. Its *bucket* at modulus M is 28 bits of `md5(key text)` modulo M (M a power of
/// two): computed the same way by both databases, whatever their versions or collations. A row's
/// *hash* is 64 bits of `md5(ROW(key text parts, raw fields)::text)`: the values as the full read
/// receives them (each type's text output), so equal rows hash equally on both sides.
///
/// Per bucket each side gives: distinct keys, rows, whether a key is NULL/empty, and the sum of
/// its rows' hashes modulo 2^64. A bucket whose five figures agree and that holds no NULL/empty
/// key and no key on two rows holds the same multiset of rows on both sides, and the full merge
/// would find no difference in it (every key in it: one row each side, equal fields); its keys
/// and rows are counted without reading them. Any other bucket is read. Two different multisets of
/// rows with equal counts and equal 64-bit sums are the one way this can miss a difference: for
/// rows that are not built to collide, about 2^-64 per bucket.
enum BucketChecksumSQL {
    /// 2^64, for the sum modulo 2^64 (as numeric).
    static let twoToThe64 = "18446744073709551616"

    /// The bucket of a key text at `modulus` (an int in 0..<modulus).
    static func bucket(keyText: String, modulus: Int) -> String {
        "((('x' || substr(md5(\(keyText)), 1, 7))::bit(28)::int) % \(modulus))"
    }

    /// `ROW(a, b, …)::text`.
    static func rowText(_ items: [String]) -> String {
        "ROW(\(items.joined(separator: ", ")))::text"
    }

    /// The checksum statement of one side at `modulus`, only over the buckets of `within` (a
    /// coarser level's differing buckets) when given: `COPY (SELECT bucket, keys, rows, empty,
    /// hash … ORDER BY bucket) TO STDOUT`. With `keysUnique` (``UniqueKeyCheck``) the rows are not
    /// grouped by key first: every row is a key of its own.
    static func statement(_ query: DiffQuery, side: DiffSide, provinceCode: String, modulus: Int,
                          within: BucketRestriction?, keysUnique: Bool = false) throws -> String {
        let keys = try query.normalisedKeyExpressions(side)
        let fields = query.recordSet.fields.map { SQLText.identifier($0.columnName(ministry: side == .ministry)) }
        let k = keys.indices.map { "k\($0)" }
        let f = fields.indices.map { "f\($0)" }
        let inner = (zip(keys, k).map { "\($0) AS \($1)" } + zip(fields, f).map { "\($0) AS \($1)" }).joined(separator: ", ")
        // OFFSET 0 keeps the normalised keys computed once per row, not once per use.
        let read = "SELECT \(inner) FROM \(try query.table(side)) \(query.filter(side, provinceCode: provinceCode)) OFFSET 0"
        let keyText = rowText(k)
        let empty = k.map { "\($0) IS NULL OR \($0) = ''" }.joined(separator: " OR ")
        let hash = "('x' || substr(md5(\(rowText(k + f))), 1, 16))::bit(64)::bigint"
        let restriction = within.map { " WHERE \($0.condition(keyText: keyText))" } ?? ""
        // Per row: key text, empty flag, hash; the hashes are summed modulo 2^64 per bucket.
        let rows = "SELECT \(keyText) AS nk, CASE WHEN \(empty) THEN 1 ELSE 0 END AS e, \(hash) AS h FROM (\(read)) r\(restriction)"
        let hashSum = "((sum(h) % \(twoToThe64)) + \(twoToThe64)) % \(twoToThe64)"
        let b = bucket(keyText: "nk", modulus: modulus)
        if keysUnique {
            return "COPY (SELECT \(b) AS b, count(*), count(*), max(e), \(hashSum) FROM (\(rows)) s GROUP BY 1 ORDER BY 1) TO STDOUT"
        }
        return """
            COPY (SELECT b, count(*), sum(c), max(e), \(hashSum) \
            FROM (SELECT \(b) AS b, count(*) AS c, max(e) AS e, sum(h) AS h FROM (\(rows)) s GROUP BY nk) g \
            GROUP BY b ORDER BY b) TO STDOUT
            """
    }
}
