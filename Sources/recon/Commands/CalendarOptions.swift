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

    /// The built-in calendar, merged with the database's notices when a database is given.
    func calendar() throws -> WorkdayCalendar {
        let dsn = self.dsn ?? ProcessEnvironment.value("RECON_DB")
        guard let dsn, !dsn.isEmpty else {
            return WorkdayCalendar.builtIn.assumingOrdinaryWeekends(assumeWeekends)
        }
        let connection = try Connection(conninfo: dsn, applicationName: "recon calendar")
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
