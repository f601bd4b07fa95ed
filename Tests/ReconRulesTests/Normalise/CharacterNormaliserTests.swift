import Testing
@testable import ReconRules

@Suite("Character normalisers: fullWidth, parentheses, trim, collapseSpaces, upper")
struct CharacterNormaliserTests {
    @Test(arguments: [
        ("１２３４５", "12345"), ("ＡＢＣａｂｃ", "ABCabc"), ("京Ａ１２３４５", "京A12345"),
        ("豫交运管许可郑字４１０１００", "豫交运管许可郑字410100"), ("（有限公司）", "(有限公司)"),
        ("Ｘ", "X"), ("１．５０", "1.50"), ("２０２４－０１－０２", "2024-01-02"), ("a\u{3000}b", "a b"),
        ("！", "!"), ("～", "~"), ("＿", "_"), ("｀", "`"), ("中文不变", "中文不变"),
    ])
    func fullWidthBecomesASCII(dirty: String, clean: String) {
        #expect(normalised(dirty, .fullWidth) == clean)
    }

    /// Every code point around the full-width block, against a scalar-level reference.
    @Test func fullWidthMatchesAScalarLevelReference() {
        for value in UInt32(0xFEFF)...UInt32(0xFF65) {
            let scalar = Unicode.Scalar(value)!
            let expected: String
            if (0xFF01...0xFF5E).contains(value) {
                expected = String(Unicode.Scalar(value - 0xFEE0)!)
            } else {
                expected = String(scalar)
            }
            #expect(normalised("a" + String(scalar) + "b", .fullWidth) == "a" + expected + "b", "U+\(String(value, radix: 16))")
        }
        #expect(normalised("\u{3000}", .fullWidth) == " ")
        #expect(normalised("\u{3001}", .fullWidth) == "\u{3001}")  // 、 (E3 80 81) is not a space
    }

    @Test func fullWidthBytes() {
        // EF BC 81 = U+FF01 → "!", EF BD 9E = U+FF5E → "~", E3 80 80 = U+3000 → " ".
        #expect(normalisedBytes([0xEF, 0xBC, 0x81, 0xEF, 0xBD, 0x9E, 0xE3, 0x80, 0x80], [.fullWidth]) == [0x21, 0x7E, 0x20])
        // EF BC 80 (U+FF00) and EF BD 9F (U+FF5F) are outside the block.
        #expect(normalisedBytes([0xEF, 0xBC, 0x80, 0xEF, 0xBD, 0x9F], [.fullWidth]) == [0xEF, 0xBC, 0x80, 0xEF, 0xBD, 0x9F])
    }

    @Test func parenthesesOnlyTouchesParentheses() {
        #expect(normalised("北京（朝阳）运输有限公司", .parentheses) == "北京(朝阳)运输有限公司")
        #expect(normalised("（１）", .parentheses) == "(１)")
        #expect(normalisedBytes([0xEF, 0xBC, 0x88, 0xEF, 0xBC, 0x89], [.parentheses]) == [0x28, 0x29])
    }

    @Test(arguments: [
        ("  京A12345  ", "京A12345"), ("\t1\t", "1"), ("\u{3000}张三\u{3000}", "张三"), ("a  b", "a  b"),
        ("   ", ""), ("\u{3000}", ""), ("x \r\n", "x"), ("a\u{3000}b", "a\u{3000}b"), ("", ""),
    ])
    func trimRemovesSurroundingSpaceOnly(dirty: String, clean: String) {
        #expect(normalised(dirty, .trim) == clean)
    }

    @Test(arguments: [
        ("a  b", "a b"), ("a \u{3000} b", "a b"), ("a\u{3000}b", "a b"), ("  a  ", " a "), ("a\t\tb", "a b"),
        ("郑州  市", "郑州 市"), ("ab", "ab"),
    ])
    func collapseSpacesMakesOneSpaceOfEachRun(dirty: String, clean: String) {
        #expect(normalised(dirty, .collapseSpaces) == clean)
    }

    @Test func trimAndCollapseTogether() {
        #expect(normalised(" \u{3000}河南  省\u{3000}郑州 ", .trim, .collapseSpaces) == "河南 省 郑州")
    }

    @Test func trimWithFullWidthKeepsInnerIdeographicSpaceAsASCII() {
        #expect(normalised("\u{3000}a\u{3000}\u{3000}b\u{3000}", .trim, .fullWidth) == "a  b")
    }

    @Test(arguments: [("11010519491231002x", "11010519491231002X"), ("lfv3a23c", "LFV3A23C"), ("é ß ａ", "é ß ａ")])
    func upperChangesASCIILettersOnly(dirty: String, clean: String) {
        #expect(normalised(dirty, .upper) == clean)
    }

    @Test func upperAfterFullWidth() {
        #expect(normalised("ｘ", .upper, .fullWidth) == "X")
        #expect(normalised("ｘ", .upper) == "ｘ")
    }

    @Test func lowerCaseXResidentIDsCompareEqual() {
        let pipeline = NormaliserPipeline([.upper])
        #expect(pipeline.equal("11010519491231002x", "11010519491231002X"))
        #expect(!NormaliserPipeline.identity.equal("11010519491231002x", "11010519491231002X"))
    }
}
