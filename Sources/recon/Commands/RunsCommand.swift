import ArgumentParser
import Foundation
import PostgresClient
import ReconKit
import ReconRules

/// `recon runs`: the latest reconciliation runs.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs", abstract: "List reconciliation runs, newest first (status, counts, 对账差异率).")

    @Option(help: ArgumentHelp("Only this province's runs.", valueName: "code"))
    var province: String?

    @Option(help: "How many runs to list.")
    var limit: Int = 30

    @OptionGroup var config: ConfigOption

    func validate() throws {
        if let province { try ArgumentCheck.provinceCode("--province", province) }
        if limit < 1 { throw ArgumentCheck.refused("--limit \(limit)", "must be at least 1") }
    }

    func run() throws {
        let connection = try ResultsReader.connect(config, application: "recon runs")
        print(RunSummary.renderTable(try RunQueries.list(connection, provinceCode: province, limit: limit)))
    }
}

/// A results-database connection for the read-only commands: `--db` alone needs no config file.
enum ResultsReader {
    static func connect(_ config: ConfigOption, application: String) throws -> Connection {
        let dsn: String
        if let given = config.dsn, !given.isEmpty {
            dsn = given
        } else {
            dsn = try config.load().results.resolve(environment: ProcessInfo.processInfo.environment)
        }
        let connection = try Connection(conninfo: dsn, applicationName: application)
        try ResultsSchema.require(on: connection)
        return connection
    }
}
