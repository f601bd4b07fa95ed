import Testing
@testable import ReconRules

/// `PolicyLabels.localise` (on UTF-8 bytes since issue 23 item 9) replaces every id, longest first,
/// and leaves everything else as it was.
@Suite("PolicyLabels: ids in Chinese")
struct PolicyLabelsTests {
    @Test func everyOccurrenceLongestIdFirst() {
        #expect(PolicyLabels.localise("口径 jtys-2022-1599-calendar-week；又 jtys-2022-1599，再 jtys-2022-1599")
                == "口径 交办运函〔2022〕1599号（第一周按前7个自然日）；又 交办运函〔2022〕1599号，再 交办运函〔2022〕1599号")
        #expect(PolicyLabels.localise("（first-5-working-days）与（annex-2023-second-month）")
                == "（每季度第一周＝季度次月前5个工作日）与（2023年附件原口径：每季度次月第一周＝本季度第二个月前5个工作日）")
    }

    @Test func otherTextIsUnchanged() {
        for text in ["", "按比率计分", "2026-07-02 10:00", "first-5-working-day", "jtys-2022-159", "🚗-中文-"] {
            #expect(PolicyLabels.localise(text) == text)
        }
    }

    @Test func replacingAllDoesNotOverlap() {
        #expect(PolicyLabels.replacingAll(Array("aa".utf8), with: Array("b".utf8), in: Array("aaa".utf8)) == Array("ba".utf8))
        #expect(PolicyLabels.replacingAll(Array("x".utf8), with: [], in: Array("abc".utf8)) == nil)
    }
}
