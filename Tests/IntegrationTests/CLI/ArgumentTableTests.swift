import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// Issue 25 case 11: every argument the command cannot use is a usage error (exit 64) naming the
/// argument, through one path (`ArgumentCheck`); the calendar answers in JSON and reads the
/// configuration's results database; a never-migrated database says to run `recon migrate` (78).
@Suite("recon's answers to unusable arguments", .serialized)
struct ArgumentTableTests {
    struct Case: CustomStringConvertible {
        let arguments: [String]
        let names: [String]
        var description: String { "recon \(arguments.joined(separator: " "))" }
    }

    /// The 17 of the issue.
    static let cases: [Case] = [
        .init(arguments: ["lists", "export", "--list", "999999", "--format", "csv"], names: ["--list 999999"]),
        .init(arguments: ["lists", "issue", "--run", "999999"], names: ["--run 999999"]),
        .init(arguments: ["diff", "show", "999999"], names: ["999999", "no run"]),
        .init(arguments: ["objections", "reject", "99999", "--reason", "x"], names: ["99999", "no objection"]),
        .init(arguments: ["objections", "accept", "99999", "--numerator", "1", "--denominator", "2", "--reason", "x"], names: ["99999", "no objection"]),
        .init(arguments: ["tokens", "revoke", "999999"], names: ["999999", "no token"]),
        .init(arguments: ["score", "what-if", "--indicator", "13", "--rate", "50%"], names: ["--indicator 13"]),
        .init(arguments: ["score", "what-if", "--indicator", "11", "--rate", "150%"], names: ["--rate 150%"]),
        .init(arguments: ["score", "what-if", "--indicator", "11", "--rate", "nan"], names: ["--rate nan"]),
        .init(arguments: ["score", "what-if", "--indicator", "11", "--numerator", "1", "--denominator", "0"], names: ["--denominator 0"]),
        .init(arguments: ["score", "what-if", "--indicator", "11", "--numerator", "5", "--denominator", "4"], names: ["--numerator 5"]),
        .init(arguments: ["objections", "raise", "--quarter", "2026Q3", "--province", "410000", "--indicator", "11", "--text", "   "],
              names: ["--text", "empty"]),
        .init(arguments: ["calendar", "nth-workday", "2025-10", "0"], names: ["<n> 0"]),
        .init(arguments: ["calendar", "nth-workday", "2025-10", "99"], names: ["<n> 99"]),
        .init(arguments: ["calendar", "add-working-days", "2025-09-30", "100000000"], names: ["<count> 100000000"]),
        .init(arguments: ["runs", "--province", "abc"], names: ["--province", "abc"]),
        .init(arguments: ["reconcile", "--all", "--jobs", "-1"], names: ["--jobs", "at least 1"]),
    ]

    @Test func everyUnusableArgumentExits64NamingIt() throws {
        #expect(Self.cases.count == 17)
        let configs = try ExitCodeTests.Configs()
        let good = try configs.path("good")
        let migrate = try ReconCLI.run(["migrate", "--config", good])
        #expect(migrate.status == 0, "\(migrate)")
        for item in Self.cases {
            let result = try ReconCLI.run(item.arguments, environment: ["RECON_CONFIG": good], directory: configs.folder)
            #expect(result.status == 64, "\(item): \(result)")
            for name in item.names {
                #expect(result.stderr.contains(name), "\(item) should name \(name): \(result)")
            }
        }
    }

    @Test func aNeverMigratedDatabaseSaysRunMigrate() throws {
        let configs = try ExitCodeTests.Configs()
        let good = try configs.path("good")
        for arguments in [["runs"], ["diff", "show", "1"], ["calendar", "status"]] {
            let result = try ReconCLI.run(arguments, environment: ["RECON_CONFIG": good], directory: configs.folder)
            #expect(result.status == 78, "\(arguments): \(result)")
            #expect(result.stderr.contains("recon migrate"), "\(arguments): \(result)")
        }
    }

    @Test func calendarAnswersInJSONAndReadsTheConfiguredDatabase() throws {
        let configs = try ExitCodeTests.Configs()
        let good = try configs.path("good")
        #expect(try ReconCLI.run(["migrate", "--config", good]).status == 0)
        let show = try ReconCLI.run(["calendar", "show", "2026", "--json"])
        #expect(show.status == 0, "\(show)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any], "\(show)")
        #expect(object["year"] as? Int == 2026)
        let days = try #require(object["days"] as? [[String: Any]])
        #expect(days.contains { $0["date"] as? String == "2026-02-14" && $0["workday"] as? Bool == true }, "make-up Saturday")
        let status = try ReconCLI.run(["calendar", "status", "--json"])
        #expect(status.status == 0, "\(status)")
        let statusObject = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any], "\(status)")
        #expect((statusObject["years"] as? [Any])?.count == 8)

        // 2027's notice imported into the configured results database: known through --config and
        // $RECON_CONFIG, unknown without them.
        let notice = configs.folder + "/2027.tsv"
        try "2027-01-01\tholiday\t元旦\n".write(toFile: notice, atomically: true, encoding: .utf8)
        let imported = try ReconCLI.run(["calendar", "import", notice, "--db", configs.results.dsn])
        #expect(imported.status == 0, "\(imported)")
        let viaOption = try ReconCLI.run(["calendar", "is-workday", "2027-01-04", "--config", good])
        #expect(viaOption.status == 0 && viaOption.stdout.hasPrefix("true"), "\(viaOption)")
        let viaEnvironment = try ReconCLI.run(["calendar", "is-workday", "2027-01-01"], environment: ["RECON_CONFIG": good])
        #expect(viaEnvironment.status == 0 && viaEnvironment.stdout.hasPrefix("false"), "\(viaEnvironment)")
        let without = try ReconCLI.run(["calendar", "is-workday", "2027-01-04"], directory: try ReconCLI.temporaryFolder("no-config"))
        #expect(without.status != 0, "\(without)")
    }
}
