import ArgumentParser
import Foundation
import PostgresClient
import ReconKit
import ReconRules

/// `recon reconcile`: diff provinces' registries against the ministry's copy and store the runs
/// (indicator 10, 对账差异率).
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Reconcile provinces against the ministry (对账): diff every record set by key and store the run.",
        discussion: """
            Each record set is streamed from both databases in key order and merged; the differences, the counts \
            and the rate are stored in ONE transaction per run, so a failed or killed run leaves only its run row \
            (marked failed). A progress line is shown on stderr when it is a terminal.
            """)

    @Option(name: .customLong("province"), help: ArgumentHelp("Province code, e.g. 410000 (repeatable).", valueName: "code"))
    var provinces: [String] = []

    @Flag(help: "Reconcile every configured province.")
    var all = false

    @Option(name: .customLong("set"), help: ArgumentHelp("Only this record set, e.g. vehicles (repeatable; default: all configured).", valueName: "name"))
    var sets: [String] = []

    // `.unconditional`: `--jobs -1` is a value refused by `validate` (64, "--jobs must be at least
    // 1"), not a missing value.
    @Option(parsing: .unconditional, help: "Provinces reconciled at the same time (each uses three connections and two reader threads).")
    var jobs: Int = 1

    @Flag(help: "No progress line, even on a terminal.")
    var quiet = false

    @Option(name: .customLong("read"), help: ArgumentHelp(
        "How both sides are read: full, checksum (only key buckets whose checksums differ, for far-apart databases) or auto (from the measured link speed); default: each province's `read` in the config (full).",
        valueName: "mode"), transform: ArgumentValue.readMode)
    var readMode: ReadMode?

    @OptionGroup var config: ConfigOption

    func validate() throws {
        if all == !provinces.isEmpty { throw ValidationError("give --province CODE (one or more) or --all") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let loaded = try config.load()
        let environment = ProcessInfo.processInfo.environment
        let recordSets = try sets.isEmpty ? loaded.recordSets : sets.map { try loaded.argumentRecordSet($0) }
        let targets = try (all ? loaded.provinces.map(\.code) : provinces).map { try loaded.argumentProvince($0) }
        try loaded.checkSources(environment: environment, provinces: targets.map(\.code), includePlatform: false)
        // The same checks as `recon check` before anything is written (exit 78).
        try PreflightGate.require(Preflight(config: loaded, environment: environment, provinces: targets.map(\.code),
                                            businessRecords: false, recordSets: recordSets), command: "recon reconcile")
        // Migrates the results schema and brings recon.provinces in step with the config.
        let resultsDB = try config.results(loaded, application: "recon reconcile")
        let calendar = try CalendarStore(connection: resultsDB).calendar()
        var options = ReconcileOptions()
        options.progress = !quiet && jobs == 1 && DiffProgress.stderrIsTerminal
        // The first complete run inside a quarter's window is its official run, whoever starts it
        // (docs/rules.md, "Official run"); a later one is a self-check.
        options.official = OfficialMarking(calendar: calendar, policy: try ScoringPolicy.named(loaded.policyName),
                                           requiredRecordSets: loaded.recordSets.map(\.name))
        let work = targets.map { province in
            { () -> Result<RunOutcome, any Error> in
                Result {
                    let sources = try ReconcileSources(config: loaded, provinceCode: province.code, environment: environment)
                    var options = options
                    options.readMode = readMode ?? province.readMode
                    return try Reconciler(sources: sources, provinceCode: province.code, provinceName: province.name,
                                          recordSets: recordSets, options: options).run()
                }
            }
        }
        let results = ParallelRunner.run(work, jobs: jobs) { index, result in
            switch result {
            case let .success(outcome): print(outcome.rendered(provinceName: targets[index].name))
            case let .failure(error): FileHandle.standardError.write(Data("recon reconcile: \(error)\n".utf8))
            }
        }
        let failed = results.filter { if case .failure = $0 { return true } else { return false } }.count
        if failed > 0 {
            FileHandle.standardError.write(Data("recon reconcile: \(failed) of \(results.count) province(s) failed\n".utf8))
            throw ExitCode(1)
        }
    }
}
