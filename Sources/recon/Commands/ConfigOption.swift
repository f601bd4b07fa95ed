import ArgumentParser
import Foundation
import PostgresClient
import ReconKit
import ReconRules

/// `--config recon.toml` (default `$RECON_CONFIG`, then `./recon.toml`) and `--db` to override the
/// results database.
struct ConfigOption: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp("Configuration file (default: $RECON_CONFIG or ./recon.toml).", valueName: "file"))
    var path: String?

    @Option(name: .customLong("db"), help: ArgumentHelp("Results database, overriding [results] of the config.", valueName: "dsn"))
    var dsn: String?

    /// The configuration file's path.
    var resolvedPath: String { path ?? ProcessEnvironment.value("RECON_CONFIG") ?? "recon.toml" }

    /// The loaded configuration.
    func load() throws -> ReconConfig {
        var config = try ConfigLoader.load(path: resolvedPath)
        if let dsn { config.results = DatabaseSource(dsn: dsn, origin: "--db") }
        return config
    }

    /// A connection to the results database of `config`, migrated and with provinces in step.
    func results(_ config: ReconConfig, application: String) throws -> Connection {
        let connection = try Connection(conninfo: try config.results.resolve(environment: ProcessInfo.processInfo.environment),
                                        applicationName: application)
        try Migrator(connection: connection).apply()
        try ProvinceSync.sync(config.provinces, on: connection)
        return connection
    }
}
