import Foundation
import Testing
@testable import ReconRules

@Suite("Holiday notices: TSV and feed parsing, hashes")
struct HolidayNoticeParsingTests {
    /// The error a parse throws, or nil (recording an issue) when it did not throw one.
    func noticeError(_ body: () throws -> Any, sourceLocation: SourceLocation = #_sourceLocation) -> HolidayNoticeError? {
        do {
            _ = try body()
            Issue.record("expected a HolidayNoticeError", sourceLocation: sourceLocation)
        } catch let error as HolidayNoticeError {
            return error
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    @Test func readsTheReferenceFileIntoOneNoticePerYear() throws {
        let notices = try HolidayNotice.parseTSV(try CalendarReferenceFiles.workdaysTSV(), sourceName: "ref.tsv")
        #expect(notices.map(\.year) == Array(2019...2026))
        #expect(notices.reduce(0) { $0 + $1.days.count } == 290)
        let n2026 = try #require(notices.last)
        #expect(n2026.days.first?.date == civilDate("2026-01-01"))
        #expect(n2026.days.contains(NoticeDay(date: civilDate("2026-02-14"), kind: .workday, name: "Spring Festival (春节)")))
        // 2022-12-31 (the 2023 New Year holiday) lands in 2022: the file has no notice column.
        #expect(notices[3].year == 2022 && notices[3].days.last?.date == civilDate("2022-12-31"))
    }

    @Test func toleratesCommentsBlankLinesAndCRLF() throws {
        let text = "\u{FEFF}# 2027 draft\r\n\r\n2027-01-01\tholiday\t元旦\r\n2027-02-06\tWORKDAY\t春节\r\n"
        let notices = try HolidayNotice.parseTSV(text, sourceName: "x.tsv")
        #expect(notices.count == 1)
        #expect(notices[0].days.map(\.kind) == [.holiday, .workday])
        #expect(notices[0].days[1].name == "春节")
    }

    @Test func badLinesNameFileAndLine() {
        let cases: [(text: String, line: Int, fragment: String)] = [
            ("2027-01-01\tholiday\t元旦\n2027-01-02 holiday 元旦\n", 2, "3 tab-separated fields"),
            ("2027-01-01\tholiday\t元旦\n\n2027-02-30\tholiday\t春节\n", 3, "2027-02-30"),
            ("2027-01-01\tholday\t元旦\n", 1, "'holday'"),
            ("2027-01-01\tholiday\t元旦\n2027-01-04\tworkday\t元旦\n", 2, "Mon"),  // a Monday
            ("2027-01-01\tholiday\t元旦\n2027-01-01\tholiday\t元旦\n", 2, "first on line 1"),
            ("2027-01-01\tholiday\t \n", 1, "no festival name"),
            ("2027-01-01\tholiday\t元旦\textra\n", 1, "found 4"),
        ]
        for c in cases {
            let error = noticeError { try HolidayNotice.parseTSV(c.text, sourceName: "cn-2027.tsv") }
            #expect(error?.line == c.line, "\(c.text)")
            #expect(error.map { "\($0)".hasPrefix("cn-2027.tsv:\(c.line): ") } == true, "\(String(describing: error))")
            #expect(error.map { "\($0)".contains(c.fragment) } == true, "\(String(describing: error))")
        }
    }

    @Test func emptyFileIsNotPublished() {
        let error = noticeError { try HolidayNotice.parseTSV("# nothing yet\n", sourceName: "e.tsv") }
        #expect(error?.kind == .notPublished)
    }

    /// A file for 2027 whose New Year holiday starts on 2026-12-31: the December line is the
    /// spill-over of the 2027 notice, not a (partial) notice for 2026.
    @Test func decemberSpillFoldsIntoNextYearsNotice() throws {
        let text = """
            2026-12-31\tholiday\tNew Year's Day (元旦)
            2027-01-01\tholiday\tNew Year's Day (元旦)
            2027-02-06\tworkday\tSpring Festival (春节)

            """
        let notices = try HolidayNotice.parseTSV(text, sourceName: "2027.tsv")
        #expect(notices.map(\.year) == [2027])
        #expect(notices[0].days(inYear: 2026).map(\.date) == [civilDate("2026-12-31")])
        // With an explicit notice year the same.
        #expect(try HolidayNotice.parseTSV(text, sourceName: "2027.tsv", noticeYear: 2027) == notices)
        // A notice year too far from a line is refused with the line.
        let error = noticeError { try HolidayNotice.parseTSV(text, sourceName: "2027.tsv", noticeYear: 2029) }
        #expect(error?.line == 1)
    }

    static let feed2027 = """
        {"year":2027,"papers":["https://www.gov.cn/zhengce/content/2026-11/notice.htm"],"days":[
          {"name":"元旦","date":"2026-12-31","isOffDay":true},
          {"name":"元旦","date":"2027-01-01","isOffDay":true},
          {"name":"元旦","date":"2027-01-02","isOffDay":true},
          {"name":"春节","date":"2027-02-06","isOffDay":false},
          {"name":"春节","date":"2027-02-08","isOffDay":true}
        ]}
        """

    @Test func readsAFeedWithSpillOver() throws {
        let notice = try HolidayNotice.parseFeedJSON(Data(Self.feed2027.utf8), sourceName: "2027.json")
        #expect(notice.year == 2027)
        #expect(notice.days.count == 5)
        #expect(notice.days[0] == NoticeDay(date: civilDate("2026-12-31"), kind: .holiday, name: "元旦"))
        #expect(notice.days[3].kind == .workday)
        #expect(notice.source.contains("2027.json") && notice.source.contains("gov.cn"))
    }

    @Test func emptyFeedIsRefusedAsNotPublished() {
        for json in [#"{"year":2027,"papers":[],"days":[]}"#, #"{"year":2027,"papers":[]}"#] {
            let error = noticeError { try HolidayNotice.parseFeedJSON(Data(json.utf8), sourceName: "2027.json") }
            #expect(error?.kind == .notPublished)
            #expect(error.map { "\($0)".contains("2027") && "\($0)".contains("not published") } == true)
        }
    }

    @Test func badFeedsAreRefusedWithThePlace() {
        let cases: [(json: String, fragment: String)] = [
            ("not json", "not a holiday feed"),
            (#"{"days":[]}"#, "'year'"),
            (#"{"year":2027,"days":[{"name":"元旦","date":"2027-01-01"}]}"#, "isOffDay"),
            (#"{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true},{"name":"春节","date":"2027-02-30","isOffDay":true}]}"#,
             "days[1]"),
            (#"{"year":2027,"days":[{"name":"元旦","date":"2025-12-31","isOffDay":true}]}"#, "too far"),
            (#"{"year":2027,"days":[{"name":"x","date":"2027-01-04","isOffDay":false}]}"#, "Mon"),
            (#"{"year":2027,"days":[{"name":"元旦","date":"2026-12-31","isOffDay":true}]}"#, "no day of 2027"),
        ]
        for c in cases {
            let error = noticeError { try HolidayNotice.parseFeedJSON(Data(c.json.utf8), sourceName: "2027.json") }
            #expect(error.map { "\($0)".hasPrefix("2027.json") && "\($0)".contains(c.fragment) } == true,
                    "\(c.json) → \(String(describing: error))")
        }
    }

    @Test func contentHashIdentifiesTheDayList() throws {
        let a = try HolidayNotice.parseFeedJSON(Data(Self.feed2027.utf8), sourceName: "a.json")
        let renamed = try HolidayNotice(year: 2027, source: "b.tsv",
                                        days: a.days.map { NoticeDay(date: $0.date, kind: $0.kind, name: "renamed") })
        #expect(a.contentHash == renamed.contentHash)
        #expect(a.contentHash.count == 16)
        let changed = try HolidayNotice(year: 2027, source: "a.json", days: Array(a.days.dropLast()))
        #expect(a.contentHash != changed.contentHash)
        // FNV-1a 64 of the canonical text, computed here directly.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "holiday-notice 2027\n2026-12-31\tholiday\n2027-01-01\tholiday\n2027-01-02\tholiday\n2027-02-06\tworkday\n2027-02-08\tholiday\n".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        #expect(a.contentHash == String(format: "%016llx", hash))
    }

    @Test func tsvAndCodableRoundTrip() throws {
        let notice = try HolidayNotice.parseFeedJSON(Data(Self.feed2027.utf8), sourceName: "a.json")
        let back = try HolidayNotice.parseTSV(notice.tsv, sourceName: notice.source)
        #expect(back == [notice])
        let json = try JSONEncoder().encode(notice)
        #expect(try JSONDecoder().decode(HolidayNotice.self, from: json) == notice)
    }
}
