import Foundation
import Testing
@testable import ReconRules

/// Issue 17: a file given to `recon calendar import` is one year's notice, read as a whole.
@Suite("Holiday notice import files: one notice per file")
struct HolidayNoticeImportFileTests {
    func parse(_ text: String) throws -> HolidayNotice {
        try HolidayNotice.parseImportFile(Data(text.utf8), sourceName: "2027.tsv")
    }

    func refusal(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> HolidayNoticeError? {
        do {
            let notice = try parse(text)
            Issue.record("expected a refusal, got the \(notice.year) notice", sourceLocation: sourceLocation)
        } catch let error as HolidayNoticeError {
            return error
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    @Test func aDeclaredYearAcceptsSpillOverDaysNamedTheSame() throws {
        let notice = try parse("# 国务院办公厅关于2027年部分节假日安排的通知\n# year: 2027\n2026-12-31\tholiday\t元旦\n2027-01-01\tholiday\t元旦\n2027-02-06\tworkday\t春节\n")
        #expect(notice.year == 2027)
        #expect(notice.days.map(\.date.description) == ["2026-12-31", "2027-01-01", "2027-02-06"])
        #expect(try parse("#Year:2027\n2027-01-01\tholiday\t元旦\n").year == 2027)
    }

    @Test func aFileOfOneYearNeedsNoDeclaration() throws {
        let notice = try parse("2027-01-01\tholiday\t元旦\n2027-02-06\tworkday\t春节\n")
        #expect(notice.year == 2027 && notice.days.count == 2)
    }

    @Test("refused with file:line before anything is read as a notice", arguments: [
        // The drill's case: a second year does not make a "2029 notice".
        ("2027-01-01\tholiday\t元旦\n2029-05-01\tholiday\t劳动节\n", 2, "# year: YYYY"),
        ("2026-12-31\tholiday\t元旦\n2027-01-01\tholiday\t元旦\n", 2, "declare its year"),
        ("# year: 2027\n2027-01-01\tholiday\t元旦\n2029-05-01\tholiday\t劳动节\n", 3, "too far"),
        ("# year: 2027\n2027-01-01\tholiday\t元旦\n2028-05-01\tholiday\t劳动节\n", 3, "spill-over"),
        ("# year: 2027\n2026-12-20\tholiday\t元旦\n2027-01-01\tholiday\t元旦\n", 2, "within 7 days"),
        ("# year: 2027\n2026-12-31\tholiday\t元旦\n", 1, "names no day of 2027"),
        // Years out of the range the results database keeps.
        ("1999-10-01\tholiday\t国庆节\n", 1, "out of 2000…2100"),
        ("# year: 2200\n2200-01-01\tholiday\t元旦\n", 1, "out of 2000…2100"),
        // Duplicates, contradictions, unknown kinds.
        ("2027-01-01\tholiday\t元旦\n2027-01-01\tholiday\t元旦\n", 2, "first on line 1"),
        ("2027-10-09\tholiday\t国庆节\n2027-10-01\tholiday\t国庆节\n2027-10-09\tworkday\t国庆节\n", 3,
         "a workday here but a holiday on line 1"),
        ("2027-01-01\tvacation\t元旦\n", 1, "'vacation'"),
        ("2027-01-04\tworkday\t元旦\n", 1, "Mon"),
        // Malformed declarations.
        ("2027-01-01\tholiday\t元旦\n# year: 2027\n", 2, "before the first day"),
        ("# year: 2027\n# year: 2028\n2027-01-01\tholiday\t元旦\n", 2, "second year declaration"),
        ("# year: 20x7\n2027-01-01\tholiday\t元旦\n", 1, "four-digit year"),
    ] as [(String, Int, String)])
    func refused(_ text: String, line: Int, fragment: String) {
        let error = refusal(text)
        #expect(error?.line == line, "\(String(describing: error))")
        #expect(error.map { "\($0)".hasPrefix("2027.tsv:\(line): ") && "\($0)".contains(fragment) } == true,
                "\(String(describing: error))")
    }

    @Test func feedsAreReadAsWholesToo() {
        func feedError(_ json: String) -> String {
            do { _ = try HolidayNotice.parseImportFile(Data(json.utf8), sourceName: "2027.json"); return "accepted" } catch { return "\(error)" }
        }
        #expect(feedError(#"{"year":1999,"days":[{"name":"国庆节","date":"1999-10-01","isOffDay":true}]}"#).contains("out of 2000…2100"))
        #expect(feedError(#"{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true},{"name":"劳动节","date":"2028-05-01","isOffDay":true}]}"#)
            .contains("days[1]"))
        #expect(feedError(#"{"year":2027,"days":[{"name":"元旦","date":"2026-12-31","isOffDay":true},{"name":"元旦","date":"2027-01-01","isOffDay":true}]}"#)
            == "accepted")
    }

    @Test func everyBuiltInNoticeWrittenAsAFileImportsBackEqual() throws {
        for notice in WorkdayCalendar.builtIn.notices {
            let text = "# year: \(notice.year)\n" + notice.tsv
            #expect(try HolidayNotice.parseImportFile(Data(text.utf8), sourceName: notice.source) == notice)
        }
    }

    @Test func changesListDaysAddedRemovedAndChanged() throws {
        let old = try parse("2027-01-01\tholiday\t元旦\n2027-02-06\tworkday\t春节\n2027-10-09\tworkday\t国庆节\n")
        let new = try parse("2027-01-01\tholiday\tNew Year\n2027-01-02\tholiday\t元旦\n2027-10-09\tholiday\t国庆节\n")
        let change = NoticeChange(from: old, to: new)
        #expect(change.summary == "1 day added, 1 removed, 2 changed")
        #expect(change.lines == ["~ 2027-01-01 holiday 元旦 → New Year", "+ 2027-01-02 holiday 元旦",
                                 "- 2027-02-06 workday 春节", "~ 2027-10-09 workday → holiday 国庆节"])
        #expect(NoticeChange(from: old, to: old).isEmpty)
        #expect(NoticeChange(from: nil, to: old).added.count == 3)
    }
}
