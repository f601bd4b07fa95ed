import ArgumentParser
import Foundation
import ReconKit

/// `--db DSN` or `--config recon.toml`: the results database (falls back to `$RECON_DB`, then the
/// `[results]` of `$RECON_CONFIG`).
struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("Results database: libpq conninfo or postgresql:// URI (default: $RECON_DB).", valueName: "dsn"))
    var dsn: String?

    @Option(name: .customLong("config"), help: ArgumentHelp("Take the results database from this configuration's [results] (when --db is not given).", valueName: "file"))
    var configPath: String?

    /// The DSN to use: `--db`, else `--config`'s `[results]`, else `$RECON_DB`, else
    /// `$RECON_CONFIG`'s `[results]`; or a validation error saying how to give one.
    func resolved() throws -> String {
        if let dsn, !dsn.isEmpty { return dsn }
        let environment = ProcessInfo.processInfo.environment
        if let configPath { return try ConfigLoader.load(path: configPath).results.resolve(environment: environment) }
        if let env = ProcessEnvironment.value("RECON_DB"), !env.isEmpty { return env }
        if let configured = ProcessEnvironment.value("RECON_CONFIG"), !configured.isEmpty {
            return try ConfigLoader.load(path: configured).results.resolve(environment: environment)
        }
        throw ValidationError("no results database: pass --db DSN or --config FILE, or set RECON_DB")
    }
}
