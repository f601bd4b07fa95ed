import ArgumentParser

/// `--db DSN`: the results database (falls back to `RECON_DB`).
struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("Results database: libpq conninfo or postgresql:// URI (default: $RECON_DB).", valueName: "dsn"))
    var dsn: String?

    /// The DSN to use, or a validation error saying how to give one.
    func resolved() throws -> String {
        if let dsn, !dsn.isEmpty { return dsn }
        if let env = ProcessEnvironment.value("RECON_DB"), !env.isEmpty { return env }
        throw ValidationError("no results database: pass --db DSN or set RECON_DB")
    }
}
