/// Excel's rules for worksheet names, checked before libxlsxwriter sees the name.
enum SheetName {
    /// Characters Excel refuses in a sheet name.
    static let forbiddenCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Why `name` is not a valid sheet name, or nil when it is. Chinese names are fine;
    /// length is counted in UTF-16 code units as Excel counts it.
    static func problem(with name: String) -> String? {
        if name.isEmpty { return "a sheet name cannot be empty" }
        let length = name.utf16.count
        if length > ExcelLimits.maxSheetNameLength {
            return "\(length) characters, Excel allows at most \(ExcelLimits.maxSheetNameLength)"
        }
        if let bad = name.first(where: { forbiddenCharacters.contains($0) }) {
            return "contains '\(bad)'; a sheet name cannot contain any of [ ] : * ? / \\"
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            return "a sheet name cannot start or end with an apostrophe"
        }
        if name.lowercased() == "history" {
            return "'History' is reserved by Excel"
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "a sheet name cannot contain control characters"
        }
        return nil
    }

    /// The key under which Excel considers two names equal (case-insensitive).
    static func comparisonKey(_ name: String) -> String { name.lowercased() }
}
