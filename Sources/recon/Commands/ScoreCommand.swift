import ArgumentParser
import Foundation
import PostgresClient
import ReconKit
import ReconRules

/// `recon score`: a quarter's indicator 10–12 scores.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Compute, store and print a quarter's scores of indicators 10–12.",
        subcommands: [ScoreComputeCommand.self, ScoreWhatIfCommand.self],
        defaultSubcommand: ScoreComputeCommand.self)
}

/// `recon score [compute] --quarter 2026Q3`.
struct ScoreComputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "Compute and store (replacing an earlier scoring of the quarter) and print the score table.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, xlsx }

    @Option(help: "Quarter, e.g. 2026Q3") var quarter: String
    @Option(help: "Only this province (the stored scoring still covers every configured province).") var province: String?
    @Option(help: "table, csv, json or xlsx") var format: Format = .table
    @Option(help: "Folder for csv/xlsx files (default: print csv to stdout; xlsx needs --out).") var out: String?
    @Option(help: "Scoring policy (default: the config's, else jtys-2022-1599).") var policy: String?
    @OptionGroup var config: ConfigOption

    func run() throws {
        let loaded = try config.load()
        let results = try config.results(loaded, application: "recon score")
        let scores = try QuarterScoring.run(config: loaded, results: results, quarter: try Quarter.parse(quarter),
                                            policyName: policy, environment: ProcessInfo.processInfo.environment)
        let shown = province.map { code in scores.filtered(to: [code]) } ?? scores
        if let province, shown.provinces.isEmpty { throw ValidationError("province \(province) is not configured") }
        try ScoreOutput.write(shown, format: format.rawValue, folder: out)
    }
}
