import ArgumentParser
import Foundation
import PostgresClient
import ReconKit
import ReconRules

/// `recon lists …`: rectification lists (整改清单) — issue, export, progress.
struct ListsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lists",
        abstract: "Rectification lists (整改清单): issue from a run, export as CSV/XLSX, show progress.",
        subcommands: [Issue.self, Export.self, Progress.self])

    /// `recon lists issue --run RUN`.
    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue the list of a completed run (one item per differing key); a run already issued keeps its list.",
            discussion: "The deadline is the end (24:00 Beijing) of the 5th working day after the issue day, on the official holiday calendar.")
        @Option(name: .customLong("run"), help: "The completed run.") var runID: Int64
        @Flag(help: "Refuse unless the run is its quarter's official run (the list of an official run is always the official list, 正式; any other is a self-check, 自查).") var official = false
        @Option(name: .customLong("issued-at"), help: ArgumentHelp("Issue instant, ISO 8601 with offset (default: now).", valueName: "timestamp"),
                transform: ArgumentValue.instant)
        var issuedAt: Date?
        @Flag(name: .customLong("assume-ordinary-weekends"),
              help: "Allow a deadline in a year whose holiday notice is not loaded, assuming ordinary weekends (recorded on the list).")
        var assumeOrdinaryWeekends = false
        @OptionGroup var config: ConfigOption

        func run() throws {
            let loaded = try config.load()
            let results = try config.results(loaded, application: "recon lists issue")
            try ArgumentCheck.existing("--run \(runID)", runID, .run, on: results)
            let outcome = try ListIssuer(connection: results).issue(
                runID: runID, official: official, issuedAt: issuedAt,
                assumeOrdinaryWeekends: assumeOrdinaryWeekends)
            let list = outcome.list
            let verb = outcome.created ? "issued" : "already issued"
            print("list \(list.id) \(verb): run \(list.runID), \(list.provinceCode) \(list.provinceName), \(list.quarter)"
                  + " \(list.official ? "正式 (official)" : "自查 (self-check)"), \(list.itemCount) items, issued \(BeijingTimeFormat.human(list.issuedAt)), "
                  + "deadline \(BeijingTimeFormat.humanDeadline(end: list.deadline))\(list.assumedWeekends ? " [ASSUMED ordinary weekends]" : "")")
        }
    }

    /// `recon lists export`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a list as 整改清单_<province>_<quarter>_<list>.csv|xlsx (CSV: UTF-8 with BOM; XLSX: a sheet per record set).")
        @Option(help: "The list.") var list: Int64?
        @Option(help: "Province code (with --quarter): its official list of the quarter, else the latest.") var province: String?
        @Option(help: ArgumentHelp("Quarter, e.g. 2026Q4 (with --province).", valueName: "quarter"), transform: ArgumentValue.quarter)
        var quarter: Quarter?
        @Option(help: "csv or xlsx.") var format: String = "xlsx"
        @Option(help: "Output folder.") var out: String = "."
        @Option(name: .customLong("as"), help: "Record the export as a download by this name (sets first_download_at).") var downloadedBy: String?
        @Option(help: ArgumentHelp("The time of the export, ISO 8601 with offset (default: now; decides 待整改 vs 已逾期未上传).", valueName: "timestamp"),
                transform: ArgumentValue.instant)
        var now: Date?
        @Flag(help: "CSV: write every value exactly (…_raw.csv), without the spreadsheet protection of formulas and long digit strings.")
        var raw = false
        @Flag(help: "Only the items still to rectify (待整改: not re-uploaded, or re-uploaded and still differing), in …_待整改.csv|xlsx.")
        var outstanding = false
        @OptionGroup var config: ConfigOption

        func validate() throws {
            guard (list == nil) != (province == nil && quarter == nil) else {
                throw ValidationError("give either --list LIST or --province P --quarter Q")
            }
            if list == nil, province == nil || quarter == nil {
                throw ValidationError("--province and --quarter go together")
            }
            do { _ = try ListFormat.named(format) } catch { throw ValidationError("--format \(format): \(error)") }
        }

        func run() throws {
            let loaded = try config.load()
            let results = try config.results(loaded, application: "recon lists export")
            if let list { try ArgumentCheck.existing("--list \(list)", list, .list, on: results) }
            let exporter = ListExporter(connection: results, recordSets: loaded.recordSets)
            let format = try ListFormat.named(self.format)
            let when = now ?? Date()
            let exported: ExportedList
            if let list {
                exported = try exporter.export(listID: list, format: format, to: out, now: when, downloadedBy: downloadedBy,
                                               csvStyle: raw ? .raw : .spreadsheetSafe, outstandingOnly: outstanding)
            } else {
                exported = try exporter.export(province: province!, quarter: quarter!, format: format,
                                               to: out, now: when, downloadedBy: downloadedBy, csvStyle: raw ? .raw : .spreadsheetSafe,
                                               outstandingOnly: outstanding)
            }
            let sheets = exported.sheets.isEmpty ? "" : ", sheets: \(exported.sheets.joined(separator: " "))"
            print("\(exported.path): \(exported.items) items in \(exported.rows) rows\(sheets)")
        }
    }

    /// `recon lists progress`.
    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per province and list: items, on time, late, outstanding, resolved, the rectification rate so far, deadline, working days left.")
        enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }
        @Option(help: "Only this province.") var province: String?
        @Option(help: ArgumentHelp("Only this quarter, e.g. 2026Q4.", valueName: "quarter"), transform: ArgumentValue.quarter)
        var quarter: Quarter?
        @Option(help: "table, csv or json.") var format: Format = .table
        @Option(help: ArgumentHelp("The time of the question, ISO 8601 with offset (default: now).", valueName: "timestamp"),
                transform: ArgumentValue.instant)
        var now: Date?
        @OptionGroup var config: ConfigOption

        func run() throws {
            let loaded = try config.load()
            let results = try config.results(loaded, application: "recon lists progress")
            let when = now ?? Date()
            let rows = try ListProgressQuery(connection: results).rows(province: province, quarter: quarter,
                                                                       now: when)
            let report = ProgressReport(rows: rows, now: when)
            switch format {
            case .table: print(report.table())
            case .csv: print(report.csv(), terminator: "")
            case .json: print(report.json())
            }
        }
    }
}
