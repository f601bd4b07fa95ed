import ArgumentParser
import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconSample

/// `recon sample`: realistic sample data with planted truth, and simulated re-uploads.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Generate sample ministry/province/platform data with planted differences, or simulate re-uploads.",
        subcommands: [SampleGenerateCommand.self, SampleReuploadCommand.self]
    )
}

/// `recon sample generate`: fills the ministry, province and platform databases through COPY and
/// writes the planted truth.
struct SampleGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Fill sample ministry, province and platform databases (COPY) and write the planted truth.",
        discussion: """
            With --server DSN the databases are recon_ministry, recon_platform and recon_p<code> on that \
            server (created if missing), and the results database is the DSN's own. Otherwise give \
            --ministry, --platform and one --province CODE=DSN per province. Without any DSN (--dry-run) \
            only the planted truth is computed.
            """)

    @Option(help: ArgumentHelp("Provinces: codes (410000,420000) or a count N (the first N in GB/T 2260 order).", valueName: "list|N"))
    var provinces = "410000"
    @Option(help: "Keys per province and record set (operators, practitioners, vehicles).")
    var rows = 10_000
    @Option(name: .customLong("business-rows"), help: "Ministry business records per province (default: --rows).")
    var businessRows: Int?
    @Option(help: "Seed: the same seed and options give the same data.")
    var seed: UInt64 = 1
    @Option(name: .customLong("difference-rate"), help: "Share of keys with a planted difference, e.g. 0.5% or 0.005.")
    var differenceRate = "0.5%"
    @Option(name: .customLong("noise-rate"), help: "Share of province rows spelled differently (noise that must not be reported).")
    var noiseRate = "2%"
    @Option(help: ArgumentHelp("Quarter of the business records' submission times, e.g. 2025Q3 (default: the previous quarter, Beijing time).", valueName: "YYYYQn"),
            transform: ArgumentValue.quarter)
    var quarter: Quarter?
    @Option(name: .customLong("platform-share"), help: "Share of the quarter's ministry business records that reach the platform.")
    var platformShare = "96%"

    @Option(help: ArgumentHelp("One server for everything (demo layout); default $RECON_DB.", valueName: "dsn"))
    var server: String?
    @Option(help: ArgumentHelp("Results database written to the config (default: the --server DSN).", valueName: "dsn"))
    var results: String?
    @Option(help: ArgumentHelp("Ministry database.", valueName: "dsn")) var ministry: String?
    @Option(help: ArgumentHelp("Platform database.", valueName: "dsn")) var platform: String?
    @Option(name: .customLong("province"), help: ArgumentHelp("A province database (repeat per province).", valueName: "code=dsn"))
    var provinceDSNs: [String] = []

    @Option(help: ArgumentHelp("Write the planted truth (JSON lines) to this file.", valueName: "file")) var truth: String?
    @Option(name: .customLong("config-out"), help: ArgumentHelp("Write a recon.toml for the generated databases.", valueName: "file"))
    var configOut: String?
    @Flag(name: .customLong("print-config"), help: "Print the recon.toml on stdout.") var printConfig = false
    @Flag(help: "Drop and regenerate tables that already hold rows.") var replace = false
    @Flag(name: .customLong("dry-run"), help: "Write no database: compute the planted truth only.") var dryRun = false

    func run() throws {
        let parameters = try makeParameters()
        let generator = try SampleGenerator(parameters: parameters)
        let planted: PlantedTruth
        var layout: SampleLayout?
        if dryRun {
            planted = try generator.plantedTruth()
        } else {
            let target = try makeLayout(parameters.provinces)
            layout = target
            let report = try generator.load(into: target, replace: replace) { line in
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
            planted = report.truth
            FileHandle.standardError.write(Data("wrote \(report.totalRows) rows (ministry \(report.ministryRows), provinces \(report.provinceRows), platform \(report.platformRows)) in \(String(format: "%.2f", report.seconds)) s: \(report.rowsPerSecond) rows/s\n".utf8))
        }
        FileHandle.standardError.write(Data("planted \(planted.differences.count) differences over \(parameters.provinces.count) province(s)\n".utf8))
        if let truth {
            try PlantedTruthFile.write(planted, to: URL(fileURLWithPath: truth))
            FileHandle.standardError.write(Data("planted truth: \(truth)\n".utf8))
        }
        if let layout {
            if let configOut {
                try Data(layout.configTOML.utf8).write(to: URL(fileURLWithPath: configOut))
                FileHandle.standardError.write(Data("config: \(configOut)\n".utf8))
            }
            if printConfig { print(layout.configTOML, terminator: "") }
        }
    }

    func makeParameters() throws -> SampleParameters {
        let codes: [String]
        do { codes = try SampleParameters.provinces(parsing: provinces) } catch { throw ValidationError("--provinces \(provinces): \(error)") }
        let chosenQuarter = quarter ?? Quarter(containing: BeijingTime.civilDate(of: Date())).previous
        return SampleParameters(provinces: codes, rowsPerSet: rows, businessRowsPerProvince: businessRows, seed: seed,
                                differenceRate: try sampleRate(differenceRate, option: "--difference-rate"),
                                noiseRate: try sampleRate(noiseRate, option: "--noise-rate"),
                                quarter: chosenQuarter, platformShare: try sampleRate(platformShare, option: "--platform-share"))
    }

    func makeLayout(_ codes: [String]) throws -> SampleLayout {
        let serverDSN = server ?? ProcessEnvironment.value("RECON_DB")
        var layout: SampleLayout
        if let serverDSN, !serverDSN.isEmpty {
            layout = try SampleLayout.onServer(serverDSN, provinces: codes)
        } else {
            guard let ministry, let platform else {
                throw ValidationError("give --server DSN (or $RECON_DB), or --ministry, --platform and --province CODE=DSN for each province")
            }
            layout = SampleLayout(results: results ?? ministry, ministry: ministry, platform: platform, provinces: [])
        }
        if let results { layout.results = results }
        if let ministry { layout.ministry = ministry; layout.server = nil }
        if let platform { layout.platform = platform; layout.server = nil }
        for item in provinceDSNs {
            guard let equals = item.firstIndex(of: "=") else { throw ValidationError("--province \(item): expected CODE=DSN") }
            let code = String(item[..<equals])
            let dsn = String(item[item.index(after: equals)...])
            guard codes.contains(code) else { throw ValidationError("--province \(code): not among --provinces \(codes.joined(separator: ","))") }
            let name = try SampleLayout.provinceName(code)
            layout.provinces.removeAll { $0.code == code }
            layout.provinces.append(.init(code: code, name: name, dsn: dsn))
            layout.server = nil
        }
        for code in codes where !layout.provinces.contains(where: { $0.code == code }) {
            throw ValidationError("no database for province \(code): give --server or --province \(code)=DSN")
        }
        return layout
    }
}

/// `recon sample reupload`: simulates a province answering a rectification list — re-uploads a
/// share of the items' ministry rows (the province's values, a new submission time) at chosen
/// working-day offsets after the issue, some on time and some late.
struct SampleReuploadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reupload",
        abstract: "Simulate a province re-uploading a share of a list's items at working-day offsets after the issue.",
        discussion: """
            The items are those of an issued list (--list ID, from the results database) or the planted \
            differences of --province in a planted-truth file (--truth FILE). Offsets 1–5 are within the \
            deadline (the end of the 5th working day after the issue day), 6 and more are late; 0 is the \
            issue day itself.
            """)

    @Option(help: ArgumentHelp("An issued rectification list (recon.lists id).", valueName: "id")) var list: Int64?
    @Option(help: ArgumentHelp("Planted-truth file whose differences of --province stand for the list.", valueName: "file"))
    var truth: String?
    @Option(name: .customLong("province"), help: ArgumentHelp("The province answering (with --truth).", valueName: "code"))
    var province: String?
    @Option(name: .customLong("issued-at"), help: ArgumentHelp("When the list was issued, e.g. 2025-09-30T10:00:00+08:00 (default: the list's, or now).", valueName: "timestamp"),
            transform: ArgumentValue.instant)
    var issuedAt: Date?
    @Option(help: "Share of the items re-uploaded, e.g. 90%.") var share = "90%"
    @Option(help: ArgumentHelp("Working-day offsets after the issue day to re-upload at (drawn per item).", valueName: "n,n,…"))
    var offsets = "1,3,5,7"
    @Option(help: "Seed of the choices.") var seed: UInt64 = 1

    @Option(help: ArgumentHelp("recon.toml naming the results, ministry and province databases (default, unless --server, --db, --ministry or --province-db is given: $RECON_CONFIG, then the demo server $RECON_DB, then ./recon.toml).", valueName: "file"))
    var config: String?
    @Option(help: ArgumentHelp("One server in the demo layout (default $RECON_DB); its own database holds the results.", valueName: "dsn"))
    var server: String?
    @Option(name: .customLong("db"), help: ArgumentHelp("Results database (with --list, without --config/--server).", valueName: "dsn")) var results: String?
    @Option(help: ArgumentHelp("Ministry database.", valueName: "dsn")) var ministry: String?
    @Option(name: .customLong("province-db"), help: ArgumentHelp("The province's database.", valueName: "dsn")) var provinceDB: String?
    @Flag(name: .customLong("dry-run"), help: "Print the plan without writing.") var dryRun = false

    func validate() throws {
        if (list == nil) == (truth == nil) { throw ValidationError("give either --list ID or --truth FILE") }
        if truth != nil && province == nil { throw ValidationError("--truth needs --province CODE") }
    }

    /// Where the databases are: from the config, the demo layout, or explicit DSNs.
    struct Targets {
        var recordSets = RecordSetSpec.reference
        var results: String?
        var ministry: String?
        var province: (String) throws -> String?
    }

    /// The configuration file to use: `--config`; unless databases are given on the command line,
    /// `$RECON_CONFIG`; unless `$RECON_DB` names a demo server, `./recon.toml` when it exists.
    var configPath: String? {
        if let config { return config }
        if server != nil || results != nil || ministry != nil || provinceDB != nil { return nil }
        if let path = ProcessEnvironment.value("RECON_CONFIG"), !path.isEmpty { return path }
        if let server = ProcessEnvironment.value("RECON_DB"), !server.isEmpty { return nil }
        return FileManager.default.fileExists(atPath: "recon.toml") ? "recon.toml" : nil
    }

    func targets() throws -> Targets {
        if let config = configPath {
            let loaded = try ConfigLoader.load(path: config)
            let environment = ProcessInfo.processInfo.environment
            return Targets(recordSets: loaded.recordSets, results: try loaded.results.resolve(environment: environment),
                           ministry: try loaded.ministry.resolve(environment: environment),
                           province: { try loaded.province($0).source.resolve(environment: environment) })
        }
        if ministry == nil, let serverDSN = server ?? ProcessEnvironment.value("RECON_DB"), !serverDSN.isEmpty {
            return Targets(results: results ?? serverDSN, ministry: try SampleLayout.onServer(serverDSN, provinces: []).ministry,
                           province: { try SampleLayout.onServer(serverDSN, provinces: [$0]).province($0).dsn })
        }
        let provinceDB = self.provinceDB
        return Targets(results: results, ministry: ministry, province: { _ in provinceDB })
    }

    func run() throws {
        let targets = try targets()
        let request: ReuploadRequest
        let offsetList = try offsets.split(separator: ",").map { part -> Int in
            guard let value = Int(part.trimmingCharacters(in: .whitespaces)) else { throw ValidationError("--offsets: \(part) is not a whole number") }
            return value
        }
        let rate = try sampleRate(share, option: "--share")
        if let list {
            guard let resultsDSN = targets.results else {
                throw ValidationError("--list needs the results database: --config (or $RECON_CONFIG, ./recon.toml), --server (or $RECON_DB) or --db")
            }
            let loaded = try ReuploadList.load(id: list, results: try Connection(conninfo: resultsDSN, applicationName: "recon sample reupload"),
                                               recordSets: targets.recordSets)
            request = ReuploadRequest(province: loaded.province, items: loaded.items, issuedAt: issuedAt ?? loaded.issuedAt,
                                      share: rate, offsets: offsetList, seed: seed)
        } else {
            let planted = try PlantedTruthFile.read(from: URL(fileURLWithPath: truth!))
            request = ReuploadRequest(province: province!, items: ReuploadItem.items(of: planted, province: province!),
                                      issuedAt: issuedAt ?? Date(), share: rate, offsets: offsetList, seed: seed)
        }
        let plan = try SampleReupload.plan(request)
        print("\(request.province): list of \(request.items.count) items issued \(BeijingTimeFormat.iso(request.issuedAt)), deadline \(BeijingTimeFormat.iso(plan.deadline))")
        print("re-uploading \(plan.reuploads.count): \(plan.onTimeCount) on time, \(plan.lateCount) late; \(plan.untouched) left")
        if dryRun {
            for reupload in plan.reuploads {
                print("  \(reupload.item.recordSet) \(reupload.item.keyValues.map { $0 ?? "" }.joined(separator: " / ")) day +\(reupload.workingDayOffset) \(BeijingTimeFormat.iso(reupload.submittedAt)) \(reupload.onTime ? "on time" : "late")")
            }
            return
        }
        guard let ministryDSN = targets.ministry, let provinceDSN = try targets.province(request.province) else {
            throw ValidationError("give --config recon.toml, --server DSN (or $RECON_DB), or --ministry and --province-db")
        }
        let applied = try SampleReupload.apply(plan, province: request.province, recordSets: targets.recordSets,
                                               ministry: try Connection(conninfo: ministryDSN, applicationName: "recon sample reupload"),
                                               provinceDatabase: try Connection(conninfo: provinceDSN, applicationName: "recon sample reupload"))
        let counts = Dictionary(grouping: applied, by: \.action).mapValues(\.count)
        print(ReuploadAction.allCases.compactMap { action in counts[action].map { "\(action.rawValue) \($0)" } }.joined(separator: ", "))
    }
}

/// A share such as `90%` given with `option`; a usage error naming it otherwise.
func sampleRate(_ text: String, option: String) throws -> SampleRate {
    do { return try SampleRate(parsing: text) } catch { throw ValidationError("\(option) \(text): \(error)") }
}
