/// Check characters computed directly from the formulas in docs/identifiers.md, written independently of
/// the code under test, for building test values.
enum ReferenceChecks {
    /// GB 11643: weights `7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2`, `sum mod 11` indexes `"10X98765432"`.
    static func residentID(_ first17: String) -> String {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(first17, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return first17 + String(Array("10X98765432")[sum % 11])
    }
}
