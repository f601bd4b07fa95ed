import Foundation
import ArgumentParser
import PostgresClient
import ReconKit
import ReconRules

/// `recon migrate`: applies the bundled migrations.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or update the results schema (recon.*).")

    @OptionGroup var database: DatabaseOption
    @Option(name: .customLong("config"), help: ArgumentHelp("Take the results database from this configuration's [results] (when --db is not given).", valueName: "file"))
    var configPath: String?

    /// `--db`, else `--config`'s `[results]`, else `$RECON_DB`, else `$RECON_CONFIG`'s `[results]`.
    func resultsDSN() throws -> String {
        if let dsn = database.dsn, !dsn.isEmpty { return dsn }
        let environment = ProcessInfo.processInfo.environment
        if let configPath { return try ConfigLoader.load(path: configPath).results.resolve(environment: environment) }
        if let env = ProcessEnvironment.value("RECON_DB"), !env.isEmpty { return env }
        if let configured = ProcessEnvironment.value("RECON_CONFIG"), !configured.isEmpty {
            return try ConfigLoader.load(path: configured).results.resolve(environment: environment)
        }
        return try database.resolved()
    }

    func run() throws {
        let connection = try Connection(conninfo: try resultsDSN(), applicationName: "recon migrate")
        let outcome = try Migrator(connection: connection).apply()
        if outcome.applied.isEmpty {
            print("schema up to date (\(outcome.alreadyApplied.count) migrations)")
        } else {
            print("applied \(outcome.applied.count) migration(s): \(outcome.applied.map(String.init).joined(separator: ", "))")
        }
    }
}
