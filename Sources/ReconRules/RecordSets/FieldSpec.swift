/// One compared column of a record set: its name in each registry, its 中文 label for lists,
/// and how its values are normalised before comparing (lists still show raw values).
public struct FieldSpec: Sendable, Equatable, Hashable {
    /// The column name in the province's table, and the field's name in lists and stored keys.
    public var column: String
    /// The column name in the ministry's table when it differs (`ministry_column`); nil: `column`.
    public var ministryColumn: String? = nil
    /// The Chinese label used in lists and reports, e.g. `车辆识别代号(VIN)`.
    public var label: String
    /// Normalisers applied to both sides before comparing.
    public var normalisers: [FieldNormaliser]

    /// A field spec.
    public init(column: String, label: String, normalisers: [FieldNormaliser]) {
        self.column = column
        self.label = label
        self.normalisers = normalisers
    }

    /// The column's name in the ministry's table (`ministry`) or the province's.
    public func columnName(ministry: Bool) -> String { ministry ? (ministryColumn ?? column) : column }
}

extension FieldSpec {
    // Normaliser sets for the kinds of core field (注3 of 交办运函〔2022〕1599号); they remove the
    // dirt listed in docs/identifiers.md ("false differences to normalise away") and nothing else.
    // docs/identifiers.md: "''、'0' or 无 standing for empty" — placeholders count as empty everywhere;
    // a lone '0' only in dates (in a number field 0 is a value).
    package static let identifierNormalisers: [FieldNormaliser] = [.fullWidth, .trim, .upper, .placeholderAsNull, .emptyAsNull]
    static let codeNormalisers: [FieldNormaliser] = [.fullWidth, .trim, .upper, .placeholderAsNull, .emptyAsNull]
    package static let textNormalisers: [FieldNormaliser] = [.fullWidth, .parentheses, .trim, .collapseSpaces, .placeholderAsNull, .emptyAsNull]
    static let dateNormalisers: [FieldNormaliser] = [.fullWidth, .trim, .date, .placeholderAsNull, .zeroAsNull, .emptyAsNull]
    static let numberNormalisers: [FieldNormaliser] = [.fullWidth, .trim, .decimal, .placeholderAsNull, .emptyAsNull]

    static func identifier(_ column: String, _ label: String) -> FieldSpec { FieldSpec(column: column, label: label, normalisers: identifierNormalisers) }
    static func code(_ column: String, _ label: String) -> FieldSpec { FieldSpec(column: column, label: label, normalisers: codeNormalisers) }
    static func text(_ column: String, _ label: String) -> FieldSpec { FieldSpec(column: column, label: label, normalisers: textNormalisers) }
    static func date(_ column: String, _ label: String) -> FieldSpec { FieldSpec(column: column, label: label, normalisers: dateNormalisers) }
    static func number(_ column: String, _ label: String) -> FieldSpec { FieldSpec(column: column, label: label, normalisers: numberNormalisers) }
}
