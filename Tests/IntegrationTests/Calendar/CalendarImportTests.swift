import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// Issue 17: `recon calendar import` takes a notice as a whole, shows what a replacement changes,
/// and a malformed or mixed-year file changes nothing.
@Suite("Calendar import: whole notices, changes shown, --dry-run")
struct CalendarImportTests {
    static let first2027 = "# year: 2027\n2026-12-31\tholiday\t元旦\n2027-01-01\tholiday\t元旦\n2027-02-06\tworkday\t春节\n"
    static let revised2027 = "# year: 2027\n2026-12-31\tholiday\t元旦\n2027-01-01\tholiday\t元旦\n2027-01-04\tholiday\t元旦\n2027-02-06\tholiday\t春节\n"

    func notice(_ text: String, _ name: String = "2027.tsv") throws -> HolidayNotice {
        try HolidayNotice.parseImportFile(Data(text.utf8), sourceName: name)
    }

    func migrated(_ label: String) throws -> (TestDatabase, CalendarStore) {
        let db = try TestDatabase(label)
        let connection = try db.connect()
        try Migrator(connection: connection).apply()
        return (db, CalendarStore(connection: connection))
    }

    @Test func replacementReportsTheChangeAndDryRunWritesNothing() throws {
        let (db, store) = try migrated("calimport")
        defer { withExtendedLifetime(db) {} }
        let loaded = try store.importNotice(try notice(Self.first2027))
        #expect(loaded.previous == .none && loaded.applied)
        #expect(loaded.report == ["2027: loaded 3 days from 2027.tsv (version \(try notice(Self.first2027).contentHash))"])
        let version = try store.storedNotices()[0].version

        let dry = try store.importNotice(try notice(Self.revised2027, "2027-revised.tsv"), dryRun: true)
        #expect(!dry.applied)
        #expect(dry.report[0].contains("would replace the notice imported"), "\(dry.report)")
        #expect(dry.report[0].contains("1 day added, 0 removed, 1 changed"), "\(dry.report)")
        #expect(Array(dry.report.dropFirst()) == ["  + 2027-01-04 holiday 元旦", "  ~ 2027-02-06 workday → holiday 春节"])
        #expect(try store.storedNotices().map(\.version) == [version])
        #expect(try store.calendar().isWorkingDay(try CivilDate.parse("2027-01-04")))

        let applied = try store.importNotice(try notice(Self.revised2027, "2027-revised.tsv"))
        #expect(applied.applied && applied.change == dry.change)
        #expect(try store.calendar().isWorkingDay(try CivilDate.parse("2027-01-04")) == false)
        #expect(try store.storedNotices().map(\.source) == ["2027-revised.tsv"])

        let again = try store.importNotice(try notice(Self.revised2027, "2027-again.tsv"))
        #expect(!again.applied && again.change.isEmpty)
        #expect(again.report.count == 1 && again.report[0].contains("unchanged"))
        #expect(try store.storedNotices().map(\.source) == ["2027-revised.tsv"])
    }

    @Test func replacingABuiltInYearIsComparedWithTheBuiltInNotice() throws {
        let (db, store) = try migrated("calbuiltin")
        defer { withExtendedLifetime(db) {} }
        let builtIn = try #require(WorkdayCalendar.builtIn.notice(for: 2026))
        let revised = try HolidayNotice(year: 2026, source: "2026-revised.tsv",
                                        days: builtIn.days.filter { $0.date.description != "2026-02-28" })
        let dry = try store.importNotice(revised, dryRun: true)
        #expect(dry.previous == .builtIn(version: builtIn.contentHash))
        #expect(dry.change.removed.map(\.date.description) == ["2026-02-28"])
        #expect(dry.report.contains("  - 2026-02-28 workday Spring Festival (春节)"), "\(dry.report)")
        #expect(try store.storedNotices().isEmpty)
    }

    @Test func theCLIRefusesMixedAndMalformedFilesWithFileAndLineAndWritesNothing() throws {
        let db = try TestDatabase("calcli")
        let folder = try ReconCLI.temporaryFolder("calendar-import")
        func file(_ name: String, _ text: String) throws -> String {
            let path = folder + "/" + name
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let refused: [(name: String, text: String, place: String)] = [
            ("mixed.tsv", "2027-01-01\tholiday\t元旦\n2029-05-01\tholiday\t劳动节\n", "mixed.tsv:2: "),
            ("y1999.tsv", "1999-10-01\tholiday\t国庆节\n", "y1999.tsv:1: "),
            ("y2200.tsv", "# year: 2200\n2200-01-01\tholiday\t元旦\n", "y2200.tsv:1: "),
            ("both.tsv", "2027-10-09\tholiday\t国庆节\n2027-10-09\tworkday\t国庆节\n", "both.tsv:2: "),
            ("twice.tsv", "2027-01-01\tholiday\t元旦\n2027-01-01\tholiday\t元旦\n", "twice.tsv:2: "),
            ("kind.tsv", "2027-01-01\tday-off\t元旦\n", "kind.tsv:1: "),
            ("stray.tsv", "# year: 2027\n2027-01-01\tholiday\t元旦\n2028-05-01\tholiday\t劳动节\n", "stray.tsv:3: "),
        ]
        for item in refused {
            let result = try ReconCLI.run(["calendar", "import", try file(item.name, item.text), "--db", db.dsn])
            #expect(result.status != 0, "\(item.name): \(result)")
            #expect(result.stderr.contains(item.place), "\(item.name): \(result)")
            #expect(!result.stderr.contains("SQLSTATE"), "\(item.name): \(result)")
        }
        // Nothing reached the database (the first refusal may have migrated it, never imported).
        let connection = try db.connect()
        try Migrator(connection: connection).apply()
        #expect(try CalendarStore(connection: connection).storedNotices().isEmpty)

        let first = try ReconCLI.run(["calendar", "import", try file("2027.tsv", Self.first2027), "--db", db.dsn])
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout.hasPrefix("2027: loaded 3 days from 2027.tsv"), "\(first)")
        let revised = try file("2027-revised.tsv", Self.revised2027)
        let dry = try ReconCLI.run(["calendar", "import", revised, "--dry-run", "--db", db.dsn])
        #expect(dry.status == 0, "\(dry)")
        #expect(dry.stdout.contains("would replace"), "\(dry)")
        #expect(dry.stdout.contains("  + 2027-01-04 holiday 元旦\n  ~ 2027-02-06 workday → holiday 春节"), "\(dry)")
        #expect(try CalendarStore(connection: connection).storedNotices().map(\.source) == ["2027.tsv"])
        let applied = try ReconCLI.run(["calendar", "import", revised, "--db", db.dsn])
        #expect(applied.status == 0, "\(applied)")
        #expect(applied.stdout.contains("replaced the notice imported"), "\(applied)")
        #expect(try CalendarStore(connection: connection).storedNotices().map(\.source) == ["2027-revised.tsv"])
    }
}
