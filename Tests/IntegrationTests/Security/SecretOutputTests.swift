import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

/// Issue 17: no password in any output. Provinces whose DSNs fail against the real server (each
/// written in another form, see ``FailingConninfo``) are reconciled by the built `recon` binary;
/// the secret must be in none of its outputs, the stored runs, a `pg_dump` of the results
/// database or the files it writes.
@Suite("Secrets stay out of every output", .serialized)
struct SecretOutputTests {
    static let secret = "Leak-Canary-5150"
    /// Valid province codes for the broken provinces (one per failing form).
    static let brokenCodes = ["110000", "120000", "130000", "140000", "150000", "210000", "220000",
                              "230000", "310000", "320000", "330000", "340000", "350000", "360000"]

    @Test func failedRunsPrintAndStoreNoSecret() throws {
        var fixture = try DueFixture(codes: ["410000"], rows: 60)
        let forms = FailingConninfo.forms(port: try FailingConninfo.serverPort(), secret: Self.secret)
        #expect(forms.count < Self.brokenCodes.count)
        var environment = ["PGPASSWORD": Self.secret, "RECON_BROKEN_DSN": forms[0]]
        var broken: [ProvinceConfig] = []
        for (code, form) in zip(Self.brokenCodes, forms + [forms[0]]) {
            let source = code == Self.brokenCodes[forms.count]
                ? DatabaseSource(dsnEnv: "RECON_BROKEN_DSN", origin: "test \(code)")
                : DatabaseSource(dsn: form, origin: "test \(code)")
            broken.append(ProvinceConfig(code: code, name: try SampleLayout.provinceName(code), source: source))
        }
        fixture.config.provinces += broken
        let output = try ReconCLI.temporaryFolder("secret-out")
        let config = try Self.writeConfig(fixture, outputDirectory: output)
        environment["RECON_CONFIG"] = config

        // Issue 25 case 8: a DSN libpq cannot parse is a configuration error found before anything
        // is written (exit 78), named without the secret.
        let refused = try ReconCLI.run(["due", "--now", "2026-07-02T08:00:00+08:00", "--log-format", "json"], environment: environment)
        #expect(refused.status == ExitCodes.config, "\(refused)")
        #expect(!refused.output.contains(Self.secret) && !refused.output.contains("Leak-Canary"), "\(refused)")
        #expect(try fixture.results.connect().execute("SELECT count(*) AS n FROM recon.runs").singleRow().int("n") == 0)
        // The forms libpq parses fail one by one at their connection; the others are left out.
        broken = broken.filter { source in
            guard let dsn = source.source.dsn ?? environment[source.source.dsnEnv ?? ""] else { return false }
            return (try? Conninfo(parsing: dsn)) != nil
        }
        #expect(broken.count >= 5)
        fixture.config.provinces = fixture.config.provinces.filter { !Self.brokenCodes.contains($0.code) } + broken
        environment["RECON_CONFIG"] = try Self.writeConfig(fixture, outputDirectory: output)

        let json = try ReconCLI.run(["due", "--now", "2026-07-02T09:00:00+08:00", "--log-format", "json"], environment: environment)
        #expect(json.status == ExitCodes.failure, "\(json)")
        #expect(json.stderr.contains("\"level\":\"error\""), "\(json)")
        let human = try ReconCLI.run(["due", "--now", "2026-07-02T10:00:00+08:00"], environment: environment)
        #expect(human.status == ExitCodes.failure, "\(human)")
        let runs = try ReconCLI.run(["runs", "--limit", "100"], environment: environment)
        #expect(runs.status == 0, "\(runs)")
        for result in [json, human, runs] {
            #expect(!result.output.contains(Self.secret), "\(result)")
            #expect(!result.output.contains("Leak-Canary"), "\(result)")
        }

        // Every broken province failed before a run row was written (its database is reached and
        // checked first), and the log named each one without the secret.
        let connection = try fixture.results.connect()
        let failed = try connection.execute("SELECT province_code, error FROM recon.runs WHERE status = 'failed'").rows
        #expect(failed.isEmpty, "no failed run rows: \(failed.count)")
        for code in broken.map(\.code) {
            #expect(json.stderr.contains("reconcile \(code): failed"), "\(code) not named as failed")
        }
        #expect(try fixture.runCounts()["410000"]?["completed"] == 1)

        let dump = try Self.pgDump(fixture.results.dsn)
        #expect(dump.contains("recon.runs"), "pg_dump printed no schema: \(dump.prefix(500))")
        #expect(!dump.contains(Self.secret))
        let files = try Self.allFileText(under: output)
        #expect(!files.isEmpty, "recon due wrote no list files into \(output)")
        #expect(!files.contains(Self.secret))
    }

    @Test func failingDatabaseOptionsPrintNoSecret() throws {
        for form in FailingConninfo.forms(port: try FailingConninfo.serverPort(), secret: Self.secret) {
            let result = try ReconCLI.run(["runs", "--db", form], environment: ["PGPASSWORD": Self.secret])
            #expect(result.status != 0, "\(form.debugDescription): \(result)")
            #expect(!result.stderr.isEmpty, "\(form.debugDescription): \(result)")
            #expect(!result.output.contains(Self.secret), "\(form.debugDescription): \(result)")
        }
    }

    /// The fixture's config with TOML-quoted DSNs (newlines and quotes included) and an output folder.
    static func writeConfig(_ fixture: DueFixture, outputDirectory: String) throws -> String {
        func source(_ source: DatabaseSource) -> String {
            if let env = source.dsnEnv { return "dsn_env = \(SampleLayout.tomlString(env))" }
            return "dsn = \(SampleLayout.tomlString(source.dsn ?? ""))"
        }
        var lines = ["policy = \"\(fixture.policy.name)\"", "[results]", "dsn = \(SampleLayout.tomlString(fixture.results.dsn))",
                     "[ministry]", "dsn = \(SampleLayout.tomlString(fixture.ministry.dsn))",
                     "[platform]", "dsn = \(SampleLayout.tomlString(fixture.platform.dsn))",
                     "[jobs]", "output_dir = \(SampleLayout.tomlString(outputDirectory))"]
        for province in fixture.config.provinces {
            lines += ["[[province]]", "code = \"\(province.code)\"", "name = \(SampleLayout.tomlString(province.name))",
                      source(province.source)]
        }
        let path = try ReconCLI.temporaryFolder("secret-config") + "/recon.toml"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// `pg_dump` (of the server's own version) of a database, as text.
    static func pgDump(_ dsn: String) throws -> String {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let newest = versions.compactMap(Int.init).max()
        let binary = newest.map { "/usr/lib/postgresql/\($0)/bin/pg_dump" } ?? "/usr/bin/pg_dump"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--no-owner", "--dbname", dsn]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestSupportError("pg_dump exited \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// The text of every file under `folder`.
    static func allFileText(under folder: String) throws -> String {
        var text = ""
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            let path = folder + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
               let data = FileManager.default.contents(atPath: path) {
                text += String(decoding: data, as: UTF8.self) + "\n"
            }
        }
        return text
    }
}
