import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

@Suite("Calendar notices in the results database")
struct CalendarStoreTests {
    static let feed2027 = """
        {"year":2027,"papers":["https://example.invalid/2027"],"days":[
          {"name":"元旦","date":"2027-01-01","isOffDay":true},
          {"name":"春节","date":"2027-02-06","isOffDay":false},
          {"name":"春节","date":"2027-02-07","isOffDay":true},
          {"name":"春节","date":"2027-02-08","isOffDay":true}
        ]}
        """

    @Test func importedYearBecomesKnownAndRevisionReplaces() throws {
        let db = try TestDatabase("calendar")
        let connection = try db.connect()
        try Migrator(connection: connection).apply()
        let store = CalendarStore(connection: connection)
        let before = try store.calendar()
        #expect(throws: WorkdayCalendarError.self) { try before.isWorkingDay(try CivilDate.parse("2027-01-04")) }

        let notice = try HolidayNotice.parseFeedJSON(Data(Self.feed2027.utf8), sourceName: "2027.json")
        let first = try store.importNotices([notice])
        #expect(first.map(\.replaced) == [false])
        let after = try store.calendar()
        #expect(try after.isWorkingDay(try CivilDate.parse("2027-01-01")) == false)
        #expect(try after.isWorkingDay(try CivilDate.parse("2027-02-06")))  // a make-up Saturday
        #expect(try after.isWorkingDay(try CivilDate.parse("2027-01-04")))
        #expect(after.versionHash != before.versionHash)

        // A revised notice (one more day off) replaces the first.
        let revisedText = Self.feed2027.replacingOccurrences(of: "{\"name\":\"元旦\",\"date\":\"2027-01-01\",\"isOffDay\":true},",
                                                             with: "{\"name\":\"元旦\",\"date\":\"2027-01-01\",\"isOffDay\":true},{\"name\":\"元旦\",\"date\":\"2027-01-04\",\"isOffDay\":true},")
        let revised = try HolidayNotice.parseFeedJSON(Data(revisedText.utf8), sourceName: "2027-revised.json")
        #expect(try store.importNotices([revised]).map(\.replaced) == [true])
        let stored = try store.storedNotices()
        #expect(stored.map(\.year) == [2027])
        #expect(stored[0].source.hasPrefix("2027-revised.json"))
        #expect(try store.calendar().isWorkingDay(try CivilDate.parse("2027-01-04")) == false)
    }

    @Test func spillIntoNeighbouringYearIsKept() throws {
        let db = try TestDatabase("calspill")
        let connection = try db.connect()
        try Migrator(connection: connection).apply()
        let store = CalendarStore(connection: connection)
        // A 2028 notice whose New Year holiday starts on 2027-12-31.
        let tsv = "2027-12-31\tholiday\t元旦\n2028-01-01\tholiday\t元旦\n2028-01-02\tholiday\t元旦\n"
        let notices = try HolidayNotice.parseTSV(tsv, sourceName: "2028.tsv", noticeYear: 2028)
        try store.importNotices(notices)
        let reloaded = try store.importedNotices()
        #expect(reloaded.count == 1)
        #expect(reloaded[0].year == 2028)
        #expect(reloaded[0].days.map(\.date.description) == ["2027-12-31", "2028-01-01", "2028-01-02"])
    }

    @Test func failedImportChangesNothing() throws {
        let db = try TestDatabase("calfail")
        let connection = try db.connect()
        try Migrator(connection: connection).apply()
        let store = CalendarStore(connection: connection)
        let good = try HolidayNotice.parseFeedJSON(Data(Self.feed2027.utf8), sourceName: "2027.json")
        try store.importNotices([good])
        // A year out of the table's range is refused before anything is written (the first too).
        let bad = try HolidayNotice(year: 2101, source: "bad", days: [NoticeDay(date: try CivilDate.parse("2101-01-01"), kind: .holiday, name: "元旦")])
        let error = try #require(throws: HolidayNoticeError.self) { try store.importNotices([good, bad]) }
        #expect(error.description.contains("out of 2000…2100"))
        #expect(try store.storedNotices().map { $0.source.hasPrefix("2027.json") } == [true])
    }
}
