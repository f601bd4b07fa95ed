import Testing
@testable import XlsxWriter

@Suite("Cell text preparation and A1 references")
struct CellTextTests {
    @Test func shortTextIsUnchanged() {
        #expect(CellText.prepare("京A12345", policy: .truncate, limit: 10, marker: "…") == .ready("京A12345", truncated: false))
        #expect(CellText.prepare("0123456789", policy: .throw, limit: 10, marker: "…") == .ready("0123456789", truncated: false))
    }

    @Test func truncationKeepsWholeCharactersAndTheMarker() {
        // 12 characters, limit 10, marker "…" (1 unit) → 9 characters + marker.
        #expect(CellText.prepare("一二三四五六七八九十甲乙", policy: .truncate, limit: 10, marker: "…")
                == .ready("一二三四五六七八九…", truncated: true))
        // Emoji are 2 UTF-16 units; a pair is never split: 4 emoji (8) + 😀 would be 10 > 9.
        #expect(CellText.prepare("😀😀😀😀😀😀", policy: .truncate, limit: 10, marker: "…")
                == .ready("😀😀😀😀…", truncated: true))
        #expect(CellText.prepare("abcdefghijk", policy: .throw, limit: 10, marker: "…") == .tooLong(length: 11))
    }

    @Test func escapesMakeTheTextFitLibxlsxwritersCount() {
        // "_x0041_" (7) becomes "_x005F_x0041_" (13): at limit 13 it just fits, at 12 it is cut.
        #expect(CellText.prepare("_x0041_", policy: .truncate, limit: 13, marker: "~") == .ready("_x005F_x0041_", truncated: false))
        // Cut by the excess (2): "_x004" + "~" fits (the escape disappears with the cut).
        #expect(CellText.prepare("_x0041_", policy: .truncate, limit: 12, marker: "~") == .ready("_x004~", truncated: true))
        #expect(CellText.prepare("_x0041_", policy: .throw, limit: 12, marker: "~") == .tooLong(length: 7))
    }

    @Test func underscoreXEscape() {
        #expect(CellText.escapeUnderscoreX("_x0041_") == "_x005F_x0041_")
        #expect(CellText.escapeUnderscoreX("a_x00e9_b_x00E9_") == "a_x005F_x00e9_b_x005F_x00E9_")
        #expect(CellText.escapeUnderscoreX("_X0041_") == "_X0041_")
        #expect(CellText.escapeUnderscoreX("_x004_") == "_x004_")
        #expect(CellText.escapeUnderscoreX("_x0041") == "_x0041")
        #expect(CellText.escapeUnderscoreX("无下划线") == "无下划线")
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA"), (16_383, "XFD")])
    func columnNames(column: Int, name: String) {
        #expect(CellReference.columnName(column) == name)
    }

    @Test func a1() {
        #expect(CellReference.a1(row: 0, column: 0) == "A1")
        #expect(CellReference.a1(row: 1_048_575, column: 16_383) == "XFD1048576")
    }
}
