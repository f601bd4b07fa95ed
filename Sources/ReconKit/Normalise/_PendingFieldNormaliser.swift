// TEMPORARY (lead): declares the normaliser names until the normalisers land; deleted then.
public enum FieldNormaliser: String, Sendable, CaseIterable, Codable {
    case trim, collapseSpaces, fullWidth, upper, emptyAsNull, date, decimal, parentheses
}
