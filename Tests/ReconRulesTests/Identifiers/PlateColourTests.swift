import Testing
@testable import ReconRules

@Suite("PlateColour")
struct PlateColourTests {
    @Test func codesAndNamesAreThoseOfTheReference() {
        let listed = PlateColour.allCases.map { "\($0.code) \($0.chineseName)" }
        #expect(listed == ["1 蓝", "2 黄", "3 黑", "4 白", "5 绿", "9 其他", "91 农黄", "92 农绿", "93 黄绿", "94 渐变绿"])
    }

    @Test func parsingACode() {
        #expect(PlateColour(code: "94") == .gradientGreen)
        #expect(PlateColour(code: "5") == .green)
        #expect(PlateColour(code: "05") == nil)
        #expect(PlateColour(code: "6") == nil)
        #expect(PlateColour(code: " 5") == nil)
        #expect(PlateColour(chineseName: "渐变绿") == .gradientGreen)
    }

    @Test func greenAndGradientGreenStayDifferent() {
        // docs/identifiers.md: 5 in one system and 94 in the other is a difference, never hidden.
        #expect(PlateColour.green != PlateColour.gradientGreen)
        #expect(PlateColour.green.code != PlateColour.gradientGreen.code)
    }
}
