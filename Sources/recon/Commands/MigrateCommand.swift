import Foundation
import ArgumentParser
import PostgresClient
import ReconKit
import ReconRules

/// `recon migrate`: applies the bundled migrations.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or update the results schema (recon.*).")

    @OptionGroup var database: DatabaseOption
    func run() throws {
        let connection = try Connection(conninfo: try database.resolved(), applicationName: "recon migrate")
        let outcome = try Migrator(connection: connection).apply()
        if outcome.applied.isEmpty {
            print("schema up to date (\(outcome.alreadyApplied.count) migrations)")
        } else {
            print("applied \(outcome.applied.count) migration(s): \(outcome.applied.map(String.init).joined(separator: ", "))")
        }
    }
}
