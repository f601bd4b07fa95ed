import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

/// README "Exit codes": 64 for a bad option or argument, 78 for a wrong configuration — each
/// message naming the argument or `recon.toml:LINE`. Table-driven over the built `recon` binary.
@Suite("recon exit codes for bad arguments and configurations", .serialized)
struct ExitCodeTests {
    /// One bad invocation.
    struct Case: CustomStringConvertible {
        let arguments: [String]
        /// Which config `$RECON_CONFIG` names (``Configs``).
        var config: String = "good"
        let code: Int32
        /// Every one must appear in stderr.
        let names: [String]
        var description: String { "recon \(arguments.joined(separator: " ")) [\(config)]" }
    }

    static let cases: [Case] = [
        // Option values that do not parse (exit 64, naming the option).
        .init(arguments: ["due", "--now", "garbage"], code: 64, names: ["--now", "'garbage'"]),
        .init(arguments: ["due", "--now", "2026-07-02T09:00:00"], code: 64, names: ["--now", "the offset is missing"]),
        .init(arguments: ["due", "--now", "2026-07-02T09:00:00+25:00"], code: 64, names: ["--now", "+25:00"]),
        .init(arguments: ["due", "--date", "2026-02-30"], code: 64, names: ["--date", "2026-02-30"]),
        .init(arguments: ["due", "--log-format", "xml"], code: 64, names: ["--log-format"]),
        .init(arguments: ["reconcile", "--all", "--read", "fast"], code: 64, names: ["--read", "full, checksum, auto"]),
        .init(arguments: ["track", "--now", "2026-07-02"], code: 64, names: ["--now"]),
        .init(arguments: ["lists", "progress", "--quarter", "2026Q5"], code: 64, names: ["--quarter", "2026Q5"]),
        .init(arguments: ["lists", "progress", "--now", "yesterday"], code: 64, names: ["--now"]),
        .init(arguments: ["lists", "export", "--list", "1", "--format", "pdf"], code: 64, names: ["--format", "pdf"]),
        .init(arguments: ["score", "show", "--quarter", "2026Q5"], code: 64, names: ["--quarter"]),
        .init(arguments: ["score", "show", "--quarter", "2026Q3", "--policy", "nosuch"], code: 64, names: ["--policy", "nosuch"]),
        .init(arguments: ["score", "publish", "--quarter", "2026Q3", "--now", "garbage"], code: 64, names: ["--now"]),
        .init(arguments: ["calendar", "is-workday", "2026-02-30"], code: 64, names: ["<date>", "2026-02-30"]),
        .init(arguments: ["calendar", "deadline", "2026-07-02T09:00:00"], code: 64, names: ["<timestamp>"]),
        .init(arguments: ["calendar", "nth-workday", "2026-13", "1"], code: 64, names: ["<month>", "2026-13"]),
        .init(arguments: ["calendar", "window", "2026Q5"], code: 64, names: ["<quarter>"]),
        .init(arguments: ["calendar", "window", "2026Q4", "--policy", "weekly"], code: 64, names: ["--policy", "weekly"]),
        .init(arguments: ["calendar", "status", "--today", "2026-02-30"], code: 64, names: ["--today"]),
        .init(arguments: ["sample", "generate", "--difference-rate", "200%", "--dry-run"], code: 64, names: ["--difference-rate"]),
        .init(arguments: ["sample", "reupload", "--list", "1", "--share", "lots"], code: 64, names: ["--share", "lots"]),
        .init(arguments: ["reconcile", "--all", "--jobs", "0"], code: 64, names: ["--jobs"]),
        // Arguments naming what the configuration does not have (exit 64, naming the argument).
        .init(arguments: ["track", "--province", "999999"], code: 64, names: ["--province 999999", "not configured"]),
        .init(arguments: ["track", "--list", "999999"], code: 64, names: ["--list 999999"]),
        .init(arguments: ["reconcile", "--province", "999999"], code: 64, names: ["--province 999999"]),
        .init(arguments: ["reconcile", "--all", "--set", "nosuch"], code: 64, names: ["--set nosuch"]),
        .init(arguments: ["score", "show", "--quarter", "2026Q3", "--province", "999999"], code: 64, names: ["--province 999999"]),
        .init(arguments: ["objections", "raise", "--quarter", "2026Q3", "--province", "999999", "--indicator", "10", "--text", "x"],
              code: 64, names: ["--province 999999"]),
        .init(arguments: ["tokens", "create", "--province", "999999", "--name", "x"], code: 64, names: ["--province 999999"]),
        // Wrong configurations (exit 78, naming recon.toml:LINE).
        .init(arguments: ["due", "--now", "2026-07-02T09:00:00+08:00"], config: "ministryEnvUnset", code: 78,
              names: ["recon.toml:3", "RECON_TEST_UNSET_MINISTRY"]),
        .init(arguments: ["due", "--now", "2026-07-02T09:00:00+08:00"], config: "provinceEnvUnset", code: 78,
              names: ["recon.toml:5", "RECON_TEST_UNSET_PROVINCE"]),
        .init(arguments: ["reconcile", "--all"], config: "provinceEnvUnset", code: 78, names: ["recon.toml:5", "RECON_TEST_UNSET_PROVINCE"]),
        .init(arguments: ["track"], config: "provinceEnvUnset", code: 78, names: ["recon.toml:5", "RECON_TEST_UNSET_PROVINCE"]),
        .init(arguments: ["runs"], config: "resultsEnvUnset", code: 78, names: ["recon.toml:1", "RECON_TEST_UNSET_RESULTS"]),
        .init(arguments: ["runs"], config: "unknownKey", code: 78, names: ["recon.toml:9", "colour"]),
        .init(arguments: ["due", "--now", "2026-07-02T09:00:00+08:00"], config: "syntaxError", code: 78, names: ["recon.toml:2"]),
        .init(arguments: ["runs"], config: "missing", code: 78, names: ["no-such-folder/recon.toml"]),
    ]

    @Test func everyBadInvocationGetsItsDocumentedCodeAndNamesItsCause() throws {
        #expect(Self.cases.count >= 15)
        let configs = try Configs()
        for item in Self.cases {
            let result = try ReconCLI.run(item.arguments, environment: ["RECON_CONFIG": try configs.path(item.config)],
                                          directory: configs.folder)
            #expect(result.status == item.code, "\(item): \(result)")
            for name in item.names {
                #expect(result.stderr.contains(name), "\(item) should name \(name): \(result)")
            }
        }
    }

    @Test func sampleReuploadHonoursRECON_CONFIGAndTheConfigInTheFolder() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 60)
        _ = try fixture.due()
        let list = try fixture.results.connect().execute("SELECT min(id) AS id FROM recon.lists").singleRow().int("id")
        let config = try fixture.writeConfig()
        let viaEnvironment = try ReconCLI.run(["sample", "reupload", "--list", "\(list)", "--dry-run"], environment: ["RECON_CONFIG": config])
        #expect(viaEnvironment.status == 0, "\(viaEnvironment)")
        #expect(viaEnvironment.stdout.contains("410000: list of"), "\(viaEnvironment)")
        let folder = try ReconCLI.temporaryFolder("reupload-cwd")
        try FileManager.default.copyItem(atPath: config, toPath: folder + "/recon.toml")
        let viaFolder = try ReconCLI.run(["sample", "reupload", "--list", "\(list)", "--dry-run"], directory: folder)
        #expect(viaFolder.status == 0, "\(viaFolder)")
        #expect(viaFolder.stdout.contains("410000: list of"), "\(viaFolder)")
    }

    /// recon.toml variants in one folder, over a real (empty) results and ministry database.
    final class Configs {
        let folder: String
        let results: TestDatabase
        let ministry: TestDatabase

        init() throws {
            folder = try ReconCLI.temporaryFolder("exit-codes")
            results = try TestDatabase("exit_results")
            ministry = try TestDatabase("exit_ministry")
        }

        /// The variant `name`, written as `<folder>/<name>/recon.toml` (line numbers matter).
        func path(_ name: String) throws -> String {
            let results = "dsn = \(SampleLayout.tomlString(self.results.dsn))"
            let ministry = "dsn = \(SampleLayout.tomlString(self.ministry.dsn))"
            let province = "dsn = \"host=127.0.0.1 port=1 dbname=unreachable\""
            var lines = ["[results]", results, "[ministry]", ministry, "[[province]]", "code = \"410000\"", "name = \"河南省\"", province]
            switch name {
            case "good": break
            case "ministryEnvUnset": lines[3] = "dsn_env = \"RECON_TEST_UNSET_MINISTRY\""
            case "provinceEnvUnset": lines[7] = "dsn_env = \"RECON_TEST_UNSET_PROVINCE\""
            case "resultsEnvUnset": lines[1] = "dsn_env = \"RECON_TEST_UNSET_RESULTS\""
            case "unknownKey": lines.append("colour = \"red\"")
            case "syntaxError": lines[1] = "dsn = \"unterminated"
            case "missing": return folder + "/no-such-folder/recon.toml"
            default: throw TestSupportError("no config variant \(name)")
            }
            let directory = folder + "/" + name
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try (lines.joined(separator: "\n") + "\n").write(toFile: directory + "/recon.toml", atomically: true, encoding: .utf8)
            return directory + "/recon.toml"
        }
    }
}
