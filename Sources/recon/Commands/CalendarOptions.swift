import ArgumentParser
import Foundation
import PostgresClient
import ReconKit
import ReconRules

/// Options shared by the `recon calendar` date commands.
struct CalendarOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("Also use the notices imported into this results database (default: $RECON_DB if set).", valueName: "dsn"))
    var dsn: String?

    @Flag(name: .customLong("assume-weekends"), help: "Treat years without a loaded notice as ordinary Monday–Friday weeks (every answer then says so).")
    var assumeWeekends = false

    @Flag(name: .customLong("json"), help: "Print a JSON object instead of the bare answer.")
    var json = false

    @Option(name: .customLong("config"), help: ArgumentHelp("Also use the notices imported into this configuration's results database (default: $RECON_CONFIG, then ./recon.toml when it exists).", valueName: "file"))
    var config: String?

    /// The results database whose imported notices apply: `--db`, `$RECON_DB`, then the results
    /// database of `--config`, `$RECON_CONFIG` or `./recon.toml` (when that file exists); nil: the
    /// built-in calendar alone. A named configuration that cannot be read is an error (78).
    func resultsDSN() throws -> String? {
        if let dsn = dsn ?? ProcessEnvironment.value("RECON_DB"), !dsn.isEmpty { return dsn }
        let path: String
        if let named = config ?? ProcessEnvironment.value("RECON_CONFIG"), !named.isEmpty {
            path = named
        } else if FileManager.default.fileExists(atPath: "recon.toml") {
            path = "recon.toml"
        } else {
            return nil
        }
        return try ConfigLoader.load(path: path).results.resolve(environment: ProcessInfo.processInfo.environment)
    }

    /// The results database of `resultsDSN()`, whose schema must exist.
    func resultsConnection() throws -> Connection? {
        guard let dsn = try resultsDSN() else { return nil }
        let connection = try Connection(conninfo: dsn, applicationName: "recon calendar")
        try ResultsSchema.require(on: connection)
        return connection
    }

    /// The built-in calendar, merged with the database's notices when a database is given.
    func calendar() throws -> WorkdayCalendar {
        guard let connection = try resultsConnection() else {
            return WorkdayCalendar.builtIn.assumingOrdinaryWeekends(assumeWeekends)
        }
        return try CalendarStore(connection: connection).calendar(assumeOrdinaryWeekends: assumeWeekends)
    }

    /// Prints the plain answer or the JSON object, and a note on stderr when weekends were assumed.
    func emit(plain: String, json object: [(String, JSONValue)], assumedYears: [Int]) {
        var object = object
        if !assumedYears.isEmpty {
            object.append(("assumed_ordinary_weekends", .array(assumedYears.map { .int($0) })))
            let years = assumedYears.map(String.init).joined(separator: ", ")
            FileHandle.standardError.write(Data("note: no holiday notice loaded for \(years); ordinary Monday–Friday weeks were assumed (--assume-weekends)\n".utf8))
        }
        print(json ? JSONValue.object(object).rendered : plain)
    }
}
