/// The placeholders the `placeholderAsNull` step maps to NULL.
///
/// docs/identifiers.md: "`''`, `'0'` or `无` standing for empty". `''` is `emptyAsNull` and `'0'` is
/// `zeroAsNull` (kept separate because 0 is a real value in many fields); this list holds the
/// textual placeholders: `无` from docs/identifiers.md and the usual dashes, slashes and words for
/// "none" (this project's choice; extend here only).
package enum NullPlaceholders {
    /// The placeholders; ASCII letters match in any case (`null`, `Null`, `n/a`).
    package static let texts: [String] = ["无", "暂无", "空", "-", "--", "/", "—", "——", "NULL", "N/A"]

    /// The placeholders as upper-case UTF-8 bytes.
    static let byteForms: [[UInt8]] = texts.map { Array($0.utf8) }

    /// The longest placeholder in bytes (a longer value is never one).
    static let maximumLength: Int = byteForms.map(\.count).max()!

    /// Whether `bytes` is exactly one of the placeholders (ASCII case ignored).
    static func matches(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty, bytes.count <= maximumLength else { return false }
        for form in byteForms where form.count == bytes.count {
            var same = true
            for index in 0..<form.count {
                var byte = bytes[index]
                if byte >= 0x61, byte <= 0x7A { byte &-= 0x20 }
                if byte != form[index] {
                    same = false
                    break
                }
            }
            if same { return true }
        }
        return false
    }
}
