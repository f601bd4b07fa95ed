import ArgumentParser
import Foundation
import PostgresClient
import ReconKit
import ReconRules

/// `recon calendar …`: China's official working days (State Council notices, 调休 included).
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Working days on China's official holiday calendar (Beijing time).",
        subcommands: [IsWorkday.self, AddWorkingDays.self, NthWorkday.self, Deadline.self, Window.self,
                      Show.self, Import.self, Status.self])

    struct IsWorkday: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "is-workday", abstract: "Is DATE a working day? (true/false)")
        @Argument(help: ArgumentHelp("YYYY-MM-DD (Beijing)", valueName: "date"), transform: ArgumentValue.date) var date: CivilDate
        @OptionGroup var options: CalendarOptions
        func run() throws {
            let status = try options.calendar().dayStatus(date)
            options.emit(plain: String(status.isWorkingDay),
                         json: [("date", .string(status.date.description)), ("workday", .bool(status.isWorkingDay)),
                                ("kind", .string(status.kind.rawValue)), ("festival", status.festival.map { .string($0) } ?? .null)],
                         assumedYears: status.assumedOrdinaryWeekends ? [status.date.year] : [])
        }
    }

    struct AddWorkingDays: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-working-days", abstract: "The N-th working day after DATE (day 1 is the first working day after it).")
        @Argument(help: ArgumentHelp("YYYY-MM-DD", valueName: "date"), transform: ArgumentValue.date) var date: CivilDate
        @Argument(help: "N ≥ 1") var count: Int
        @OptionGroup var options: CalendarOptions
        func run() throws {
            let calendar = try options.calendar()
            let answer = try ArgumentCheck.calendar("<count> \(count)") { try calendar.addingWorkingDays(count, to: date) }
            options.emit(plain: answer.value.description,
                         json: [("date", .string(date.description)), ("working_days", .int(count)), ("result", .string(answer.value.description))],
                         assumedYears: answer.assumedYears)
        }
    }

    struct NthWorkday: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "nth-workday", abstract: "The N-th working day of a month (e.g. 2025-10 10 → 2025-10-21).")
        @Argument(help: ArgumentHelp("YYYY-MM", valueName: "month"), transform: ArgumentValue.month) var month: YearMonth
        @Argument(help: "N ≥ 1") var n: Int
        @OptionGroup var options: CalendarOptions
        func run() throws {
            let calendar = try options.calendar()
            let answer = try ArgumentCheck.calendar("<n> \(n)") { try calendar.workingDay(n, of: month) }
            options.emit(plain: answer.value.description,
                         json: [("month", .string(month.description)), ("n", .int(n)), ("result", .string(answer.value.description))],
                         assumedYears: answer.assumedYears)
        }
    }

    struct Deadline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The rectification deadline of a list issued at an instant: the end of the 5th working day after the issue day (Beijing).",
            discussion: "Plain output is the last millisecond of that day (…T23:59:59.999+08:00); a re-upload is on time when it is before the next day's 00:00 Beijing.")
        @Argument(help: ArgumentHelp("Issue instant, ISO 8601 with offset, e.g. 2025-09-30T10:00:00+08:00", valueName: "timestamp"),
                  transform: ArgumentValue.instant)
        var issuedAt: Date
        @OptionGroup var options: CalendarOptions
        func run() throws {
            let deadline = try options.calendar().rectificationDeadline(issuedAt: issuedAt)
            let last = BeijingTimeFormat.iso(deadline.end.addingTimeInterval(-0.001))
            options.emit(plain: last,
                         json: [("issued_at", .string(BeijingTimeFormat.iso(deadline.issuedAt))),
                                ("working_days", .array(deadline.workingDays.map { .string($0.description) })),
                                ("deadline", .string(last)),
                                ("end_exclusive", .string(BeijingTimeFormat.iso(deadline.end)))],
                         assumedYears: deadline.assumedYears)
        }
    }

    struct Window: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The window serving a quarter (每季度第一周; by default the first 5 working days of the month after it): first and last day.")
        @Argument(help: ArgumentHelp("Quarter, e.g. 2026Q4", valueName: "quarter"), transform: ArgumentValue.quarter) var quarter: Quarter
        @Option(help: ArgumentHelp("Window policy: \(ReconciliationWindowPolicy.all.map(\.name).joined(separator: ", "))", valueName: "policy"),
                transform: ArgumentValue.windowPolicy)
        var policy: ReconciliationWindowPolicy = .firstFiveWorkingDays
        @OptionGroup var options: CalendarOptions
        func run() throws {
            let window = try options.calendar().reconciliationWindow(quarter, policy: policy)
            options.emit(plain: "\(window.firstDay) \(window.lastDay)",
                         json: [("quarter", .string(quarter.description)), ("policy", .string(window.policy.name)),
                                ("first_day", .string(window.firstDay.description)), ("last_day", .string(window.lastDay.description)),
                                ("days", .array(window.countedDays.map { .string($0.description) })),
                                ("start", .string(BeijingTimeFormat.iso(window.start))), ("end_exclusive", .string(BeijingTimeFormat.iso(window.end)))],
                         assumedYears: window.assumedYears)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A year's holidays and make-up working days.")
        @Argument(help: "Year, e.g. 2026") var year: Int
        @OptionGroup var options: CalendarOptions
        func run() throws {
            let calendar = try options.calendar()
            guard options.json else { print(try calendar.describe(year: year)); return }
            _ = try calendar.describe(year: year)   // an unknown year is refused the same way
            let first = try CivilDate(year: year, month: 1, day: 1)
            var days: [JSONValue] = []
            var working = 0
            let last = try CivilDate(year: year, month: 12, day: 31)
            for date in first...last {
                let status = try calendar.dayStatus(date)
                if status.isWorkingDay { working += 1 }
                guard let festival = status.festival else { continue }
                days.append(.object([("date", .string(date.description)), ("kind", .string(status.kind.rawValue)),
                                     ("workday", .bool(status.isWorkingDay)), ("festival", .string(festival))]))
            }
            print(JSONValue.object([("year", .int(year)), ("calendar_version", .string(calendar.versionHash)),
                                    ("days", .array(days)), ("working_days", .int(working))]).rendered)
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load one year's State Council holiday notice into the results database (replacing that year's earlier version, after showing what changes).",
            discussion: """
                FILE is this project's TSV (date<TAB>holiday|workday<TAB>name) or the community feed's JSON \
                ({"year":2027,"days":[{"name":…,"date":…,"isOffDay":…}]}). A file is one year's notice: its year is \
                declared by a '# year: 2027' line (or the feed's "year"), or all its days share one year; a day of \
                another year is accepted only as a spill-over day of one of its holidays, named the same. Anything \
                else — a year out of 2000…2100, a date twice, a day both holiday and workday, an unknown kind — is \
                refused with file:line before anything is written. A replacement prints the days added, removed \
                and changed; --dry-run prints them and writes nothing.
                """)
        @Argument(help: "TSV or JSON file") var file: String
        @Flag(name: .customLong("dry-run"), help: "Show what would change; write nothing.") var dryRun = false
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let url = URL(fileURLWithPath: file)
            let data: Data
            do { data = try Data(contentsOf: url) } catch { throw ValidationError("cannot read \(file): \(error.localizedDescription)") }
            let notice = try HolidayNotice.parseImportFile(data, sourceName: url.lastPathComponent)
            let connection = try Connection(conninfo: try database.resolved(), applicationName: "recon calendar import")
            try Migrator(connection: connection).apply()
            let imported = try CalendarStore(connection: connection).importNotice(notice, dryRun: dryRun)
            for line in imported.report {
                print(line)
            }
            // A revised notice moves the deadlines of the lists of quarters not yet scored, said here.
            if imported.applied {
                for moved in try ListDeadlineRevision.revise(on: connection) { print("  \(moved)") }
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Years known, their source and when they were loaded; warns from November when next year's notice is missing.")
        @OptionGroup var options: CalendarOptions
        @Option(help: ArgumentHelp("Pretend today is this Beijing date (YYYY-MM-DD).", valueName: "date"), transform: ArgumentValue.date)
        var today: CivilDate?
        func run() throws {
            var stored: [CalendarStore.StoredNotice] = []
            if let connection = try options.resultsConnection() {
                stored = try CalendarStore(connection: connection).storedNotices()
            }
            let calendar = try options.calendar()
            let todayDate = today ?? BeijingTime.civilDate(of: Date())
            let report = CalendarStatusReport(calendar: calendar, imported: stored, today: todayDate)
            if options.json {
                let years: [JSONValue] = calendar.knownYears.map { year in
                    if let notice = stored.first(where: { $0.year == year }) {
                        return .object([("year", .int(year)), ("source", .string("imported")), ("file", .string(notice.source)),
                                        ("version", .string(notice.version)), ("loaded_at", .string(notice.loadedAt))])
                    }
                    return .object([("year", .int(year)), ("source", .string(BuiltInNotices.sourceName))])
                }
                print(JSONValue.object([("calendar_version", .string(calendar.versionHash)), ("years", .array(years)),
                                        ("assume_weekends", .bool(calendar.assumeOrdinaryWeekends)),
                                        ("warning", report.missingNextYearWarning.map { .string($0) } ?? .null)]).rendered)
            } else {
                print(report.rendered())
            }
            if let warning = report.missingNextYearWarning {
                FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
            }
        }
    }
}
