/// The SQL form of a key column's normalisers, so that the server sorts both sides by the same
/// normalised key (issue 5: "Keys that need normalising are normalised in the SELECT so the order
/// stays consistent").
///
/// Mirrors `NormaliserPipeline` step for step, in its canonical order: the character steps
/// (fullWidth → parentheses → trim → collapseSpaces → upper), then the NULL mappings
/// (placeholderAsNull → zeroAsNull → emptyAsNull). White space is what the pipeline treats as
/// such: ASCII space, tab, LF, CR and U+3000. Every step is locale-independent (`translate`,
/// `btrim` with an explicit set, `regexp_replace`), so a database whose default collation is not
/// C gives the same bytes. The value forms (date, timestamp, decimal) have no SQL form here and are
/// refused for keys. Tests check that the SQL and the Swift pipeline agree value for value.
public enum KeyNormalisationSQL {
    /// The white space of the normalisers: space, tab, LF, CR, U+3000 (ideographic space).
    static let whiteSpace = " \t\n\r\u{3000}"

    /// Full-width ASCII U+FF01–U+FF5E and U+3000, and their half-width images (identifiers.md:
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
    static let lowerASCII = "abcdefghijklmnopqrstuvwxyz"
    static let upperASCII = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

    /// The expression normalising `column` (already a quoted identifier) as text.
    ///
    /// - Throws: `DiffError.unsupportedKeyNormaliser` for a value form (date, timestamp, decimal).
    public static func expression(column quoted: String, normalisers: [FieldNormaliser],
                                  recordSet: String, columnName: String) throws -> String {
        let set = Set(normalisers)
        var expr = "\(quoted)::text"
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
                expr = "translate(\(expr), '\(lowerASCII)', '\(upperASCII)')"
            case .placeholderAsNull:
                // NullPlaceholders: the whole value, ASCII letters in any case.
                let list = NullPlaceholders.texts.map(SQLText.literal).joined(separator: ", ")
                expr = "(CASE WHEN translate(\(expr), '\(lowerASCII)', '\(upperASCII)') IN (\(list)) THEN NULL ELSE \(expr) END)"
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
}
