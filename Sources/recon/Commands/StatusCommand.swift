import ArgumentParser
import PostgresClient
import ReconKit
import ReconRules

/// `recon status`: what the results database holds.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the results database: schema version, provinces, runs.")

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let connection = try Connection(conninfo: try database.resolved(), applicationName: "recon status")
        let status = try ResultsStatus.read(connection)
        print(status.rendered())
    }
}
