import ArgumentParser
import Foundation
import PostgresClient
import ReconKit
import ReconRules

/// `recon diff`: reading a run's differences.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Show the differences a reconciliation run found.",
        subcommands: [DiffShowCommand.self])
}

/// `recon diff show RUN`: a readable summary of one run.
struct DiffShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Summarise a run: counts per record set and category, and its first differences with raw values.")

    @Argument(help: ArgumentHelp("The run's id (see `recon runs`).", valueName: "run"))
    var runID: Int64

    @Option(help: "Differences listed per record set.")
    var limit: Int = 20

    @Option(help: ArgumentHelp("Only this category: ministry_only, province_only, field_mismatch, duplicate_key, empty_key.", valueName: "category"))
    var category: String?

    @OptionGroup var config: ConfigOption

    func run() throws {
        var only: DiffCategory? = nil
        if let category {
            guard let parsed = DiffCategory(rawValue: category) else {
                throw ValidationError("unknown category \(category); known: \(DiffCategory.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            only = parsed
        }
        let connection = try ResultsReader.connect(config, application: "recon diff show")
        try ArgumentCheck.existing("<run> \(runID)", runID, .run, on: connection)
        print(try RunReport.read(connection, runID: runID, limit: limit, category: only).rendered())
    }
}
