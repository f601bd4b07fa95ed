import Testing
@testable import ReconRules

@Suite("NULL mapping: emptyAsNull, placeholderAsNull, zeroAsNull")
struct NullNormaliserTests {
    @Test func nullStaysNullWhateverTheSteps() {
        for normaliser in FieldNormaliser.allCases {
            #expect(normalised(nil, normaliser) == nil)
        }
        #expect(NormaliserPipeline(FieldNormaliser.allCases).apply(nil) == nil)
    }

    @Test func emptyAsNull() {
        #expect(normalised("", .emptyAsNull) == nil)
        #expect(normalised("  ", .emptyAsNull) == "  ")
        #expect(normalised("  ", .trim, .emptyAsNull) == nil)
        #expect(normalised("\u{3000}", .trim, .emptyAsNull) == nil)
        #expect(normalised("0", .emptyAsNull) == "0")
        #expect(normalised("无", .emptyAsNull) == "无")
        #expect(normalised("", .trim) == "")
    }

    @Test(arguments: ["无", "暂无", "空", "-", "--", "/", "—", "——", "NULL", "null", "Null", "N/A", "n/a"])
    func placeholdersBecomeNull(placeholder: String) {
        #expect(normalised(placeholder, .placeholderAsNull) == nil)
    }

    @Test(arguments: ["无人", "无锡", "0", "", "A", "-1", "N", "NULLS", " 无"])
    func otherValuesAreNotPlaceholders(value: String) {
        #expect(normalised(value, .placeholderAsNull) == value)
    }

    @Test func placeholdersAfterCleaning() {
        #expect(normalised(" 无\u{3000}", .trim, .placeholderAsNull) == nil)
        #expect(normalised("－", .fullWidth, .placeholderAsNull) == nil)
        #expect(normalised("－", .placeholderAsNull) == "－")
    }

    @Test func zeroAsNull() {
        #expect(normalised("0", .zeroAsNull) == nil)
        #expect(normalised("00", .zeroAsNull) == "00")
        #expect(normalised("00", .decimal, .zeroAsNull) == nil)
        #expect(normalised("0.00", .decimal, .zeroAsNull) == nil)
        #expect(normalised("-0", .decimal, .zeroAsNull) == nil)
        #expect(normalised("10", .decimal, .zeroAsNull) == "10")
        #expect(normalised("0.5", .decimal, .zeroAsNull) == "0.5")
        #expect(normalised("", .zeroAsNull) == "")
    }

    @Test func equalityOfNullAndEmpty() {
        let identity = NormaliserPipeline.identity
        #expect(identity.equal(nil, nil))
        #expect(identity.equal("", ""))
        #expect(!identity.equal("", nil))
        #expect(!identity.equal(nil, ""))
        let empty = NormaliserPipeline([.emptyAsNull])
        #expect(empty.equal("", nil))
        #expect(empty.equal(nil, ""))
        #expect(!empty.equal("0", nil))
        #expect(!empty.equal("a", nil))
        let all = NormaliserPipeline([.trim, .emptyAsNull, .zeroAsNull, .placeholderAsNull])
        #expect(all.equal(" ", nil))
        #expect(all.equal("0", "无"))
        #expect(all.equal("-", ""))
        #expect(!all.equal("0", "1"))
    }
}
