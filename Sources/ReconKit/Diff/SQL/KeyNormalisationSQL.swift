/// The SQL form of a key column's normalisers, so that the server sorts both sides by the same
/// normalised key (issue 5: "Keys that need normalising are normalised in the SELECT so the order
/// stays consistent").
///
/// Mirrors `NormaliserPipeline` step for step, in its canonical order: the character steps
/// (fullWidth → parentheses → trim → collapseSpaces → upper), then the NULL mappings
/// (placeholderAsNull → zeroAsNull → emptyAsNull). White space is what the pipeline treats as
/// such: ASCII space, tab, LF, CR and U+3000. Every step is locale-independent (`translate`,
/// `btrim` with an explicit set, `regexp_replace`, `upper` under `COLLATE "C"`, which changes ASCII
/// letters only), so a database whose default collation is not C gives the same bytes. The value
/// forms (date, timestamp, decimal) have no SQL form here and are refused for keys. Tests check
/// that the SQL and the Swift pipeline agree value for value.
///
/// Speed: the steps are evaluated only for a value that one of them could change — one holding a
/// character some step rewrites (full-width forms, U+3000, （）, white space, a–z), or short enough
/// to be a NULL placeholder, `0` or empty. Every other value is already in normal form and is
/// passed through after one regular-expression test (`translate` with the 95 full-width forms
/// costs about 10 µs a value, the test well under 1 µs; keys are computed for every row the server
/// sorts).
import ReconRules

public enum KeyNormalisationSQL {
    /// The white space of the normalisers: space, tab, LF, CR, U+3000 (ideographic space).
    static let whiteSpace = " \t\n\r\u{3000}"

    /// Full-width ASCII U+FF01–U+FF5E and U+3000, and their half-width images (docs/identifiers.md:
    /// "Full-width ASCII (U+FF01–U+FF5E, offset 0xFEE0) and the ideographic space U+3000").
    static let fullWidthFrom: String = {
        var text = ""
        for value in UInt32(0xFF01)...UInt32(0xFF5E) { text.unicodeScalars.append(Unicode.Scalar(value)!) }
        text.unicodeScalars.append(Unicode.Scalar(0x3000)!)
        return text
    }()
    static let fullWidthTo: String = {
        var text = ""
        for value in UInt32(0x21)...UInt32(0x7E) { text.unicodeScalars.append(Unicode.Scalar(value)!) }
        text += " "
        return text
    }()

    /// The expression normalising `column` (already a quoted identifier) as text.
    ///
    /// `CASE WHEN <a character some step rewrites> THEN <every step> WHEN <a NULL placeholder, 0 or
    /// empty> THEN NULL ELSE <the value> END`: a value without such characters is unchanged by the
    /// character steps, so only the NULL mappings can apply to it, and they compare the whole value.
    ///
    /// - Throws: `DiffError.unsupportedKeyNormaliser` for a value form (date, timestamp, decimal).
    public static func expression(column quoted: String, normalisers: [FieldNormaliser],
                                  recordSet: String, columnName: String) throws -> String {
        let set = Set(normalisers)
        let raw = "\(quoted)::text"
        let steps = try chain(raw, set, recordSet: recordSet, columnName: columnName)
        guard steps != raw else { return raw }
        let conditions = changeConditions(raw, set)
        var branches: [String] = []
        if let characters = conditions.characters { branches.append("WHEN \(characters) THEN \(steps)") }
        if let zeros = conditions.leadingZeros { branches.append("WHEN \(zeros) THEN \(steps)") }
        if let nulls = conditions.nulls { branches.append("WHEN \(nulls) THEN NULL") }
        return "(CASE \(branches.joined(separator: " ")) ELSE \(raw) END)"
    }

    /// A condition true for every value of `column` (a quoted identifier) that the normalisers
    /// could change, and for NULL; nil when they change nothing (issue 18: the rows read raw whose
    /// key the normalisers change are fetched by this condition and normalised in Swift). It is the
    /// union of the branches of ``expression(column:normalisers:recordSet:columnName:)``, so a
    /// value it leaves out is one the expression returns unchanged.
    public static func mayChange(column quoted: String, normalisers: [FieldNormaliser]) -> String? {
        let set = Set(normalisers)
        let raw = "\(quoted)::text"
        let conditions = changeConditions(raw, set)
        let parts = [conditions.characters, conditions.leadingZeros, conditions.nulls].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " OR ")
    }

    /// The tests of a raw value (`raw`, SQL text) that select the branches of the expression.
    static func changeConditions(_ raw: String, _ set: Set<FieldNormaliser>)
        -> (characters: String?, leadingZeros: String?, nulls: String?) {
        var characters: String? = nil
        if let rewritten = rewrittenCharacters(set) {
            // Ranges in a bracket expression are by code point; "C" keeps classification out of it.
            characters = "(\(raw) COLLATE \"C\") ~ \(SQLText.literal("[" + rewritten + "]"))"
        }
        // A value with leading zeros changes although it holds no rewritten character.
        let zeros: String? = set.contains(.numericCode) ? "(\(raw) COLLATE \"C\") ~ '^0[0-9]'" : nil
        let texts = nullTexts(set)
        let nulls: String? = texts.isEmpty ? nil
            : "upper(\(raw) COLLATE \"C\") IN (\(texts.map(SQLText.literal).joined(separator: ", ")))"
        return (characters, zeros, nulls)
    }

    /// The steps, applied one after another to `value`.
    static func chain(_ value: String, _ set: Set<FieldNormaliser>, recordSet: String, columnName: String) throws -> String {
        var expr = value
        for step in FieldNormaliser.allCases where set.contains(step) {
            switch step {
            case .fullWidth:
                expr = "translate(\(expr), \(SQLText.literal(fullWidthFrom)), \(SQLText.literal(fullWidthTo)))"
            case .parentheses:
                if !set.contains(.fullWidth) {
                    expr = "translate(\(expr), \(SQLText.literal("（）")), '()')"
                }
            case .trim:
                expr = "btrim(\(expr), \(SQLText.literal(whiteSpace)))"
            case .collapseSpaces:
                expr = "regexp_replace(\(expr), \(SQLText.literal("[" + whiteSpace + "]+")), ' ', 'g')"
            case .upper:
                // Under the "C" collation upper() changes a–z only (PostgreSQL's ASCII path).
                expr = "upper((\(expr)) COLLATE \"C\")"
            case .placeholderAsNull:
                // NullPlaceholders: the whole value, ASCII letters in any case.
                let list = NullPlaceholders.texts.map(SQLText.literal).joined(separator: ", ")
                expr = "(CASE WHEN upper((\(expr)) COLLATE \"C\") IN (\(list)) THEN NULL ELSE \(expr) END)"
            case .numericCode:
                // Only an all-digit value; ltrim keeps nothing of "000", so one 0 is put back.
                expr = "(CASE WHEN (\(expr) COLLATE \"C\") ~ '^0[0-9]*$' THEN coalesce(nullif(ltrim(\(expr), '0'), ''), '0') ELSE \(expr) END)"
            case .zeroAsNull:
                expr = "nullif(\(expr), '0')"
            case .emptyAsNull:
                expr = "nullif(\(expr), '')"
            case .timestamp, .date, .decimal:
                throw DiffError.unsupportedKeyNormaliser(recordSet: recordSet, column: columnName, normaliser: step.rawValue)
            }
        }
        return expr
    }

    /// The characters the character steps rewrite, as the inside of a bracket expression; nil
    /// when no character step is on. A value holding none of them is unchanged by those steps.
    static func rewrittenCharacters(_ set: Set<FieldNormaliser>) -> String? {
        var characters = ""
        if set.contains(.fullWidth) { characters += "\u{FF01}-\u{FF5E}\u{3000}" }
        if set.contains(.parentheses) && !set.contains(.fullWidth) { characters += "（）" }
        if set.contains(.trim) || set.contains(.collapseSpaces) {
            characters += set.contains(.fullWidth) ? " \t\n\r" : whiteSpace  // U+3000 is there already
        }
        if set.contains(.upper) { characters += "a-z" }
        return characters.isEmpty ? nil : characters
    }

    /// The whole values (upper-cased ASCII) the NULL mappings turn into NULL.
    static func nullTexts(_ set: Set<FieldNormaliser>) -> [String] {
        var texts: [String] = []
        if set.contains(.placeholderAsNull) { texts += NullPlaceholders.texts }
        if set.contains(.zeroAsNull) { texts.append("0") }
        if set.contains(.emptyAsNull) { texts.append("") }
        return texts
    }
}
