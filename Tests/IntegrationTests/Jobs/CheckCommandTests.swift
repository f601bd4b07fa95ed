import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

/// `recon check` (issue 14): a usable configuration exits 0; each broken one exits 78 naming its
/// `recon.toml:LINE` place, and nothing is written to the results database.
@Suite("recon check: the preflight of a configuration", .serialized)
struct CheckCommandTests {
    static func check(_ text: String) throws -> ReconCLI.Result {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("recon-check-\(UUID().uuidString).toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try ScoreCommandTests.recon(["check", "--config", path])
    }

    @Test func brokenConfigurationsAreNamedBeforeAnyRun() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 100)
        let base = try String(contentsOfFile: try fixture.writeConfig(), encoding: .utf8)
        let good = try Self.check(base)
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        #expect(good.stdout.contains("vehicles (营运车辆) ministry (部) vehicles for 410000: ok"), "\(good.stdout)")
        #expect(good.stdout.contains("CREATE INDEX"), "tracking index DDL shown")

        let wrongDatabase = TestDatabase.replacingDatabase(in: fixture.ministry.dsn, with: "no_such_registry")
        let recordSet = "\n[[record_set]]\nname = \"vehicles\"\n"
        let cases: [(String, String, String)] = [
            ("unset dsn_env", base.replacingOccurrences(of: "[ministry]\ndsn = \"\(fixture.ministry.dsn)\"", with: "[ministry]\ndsn_env = \"RECON_NO_SUCH_VARIABLE\""), "RECON_NO_SUCH_VARIABLE"),
            ("unknown database", base.replacingOccurrences(of: "[ministry]\ndsn = \"\(fixture.ministry.dsn)\"", with: "[ministry]\ndsn = \"\(wrongDatabase)\""), "no_such_registry"),
            ("province table", base + recordSet + "province_table = \"yz.no_such_table\"\n", "no_such_table"),
            ("ministry table", base + recordSet + "ministry_table = \"jg.cl_jbxx\"\n", "cl_jbxx"),
            ("bad table name", base + recordSet + "ministry_table = \"a.b.c\"\n", "a.b.c"),
            ("key ministry column", base + recordSet + "key = [{ column = \"plate_number\", ministry_column = \"hphm\" }, \"plate_colour\"]\n", "hphm"),
            ("field column", base + recordSet + "fields = [\"vin\", \"no_such_field\"]\n", "no_such_field"),
            ("deleted flag not boolean", base + recordSet + "ministry_deleted_column = \"plate_colour\"\n", "not boolean"),
            ("deleted column missing", base + recordSet + "ministry_deleted_column = \"scbz\"\nministry_deleted_values = [\"1\"]\n", "scbz"),
            ("submitted column type", base + recordSet + "ministry_submitted_column = \"vin\"\n", "not a timestamp"),
            ("submitted column missing", base + recordSet + "ministry_submitted_column = \"bssj\"\n", "bssj"),
            ("province column missing", base + recordSet + "ministry_province_column = \"xzqh\"\n", "xzqh"),
            ("province filter column", base + recordSet + "province_exclude = { column = \"zt\", values = [\"注销\"] }\n", "zt"),
            ("ministry filter column", base + recordSet + "ministry_include = { column = \"yxbz\", values = [\"1\"] }\n", "yxbz"),
            ("decimal on a key", base + recordSet + "key = [{ column = \"plate_number\", normalise = [\"decimal\"] }, \"plate_colour\"]\n", "decimal"),
            ("platform table", base + "\n[business_records]\nplatform_table = \"no_such_platform_table\"\n", "no_such_platform_table"),
            ("unknown key", base + recordSet + "province_tabel = \"x\"\n", "province_tabel"),
        ]
        for (name, text, needle) in cases {
            let output = try Self.check(text)
            let all = output.stdout + output.stderr
            let problems = all.components(separatedBy: "problem(s):").last.map { String($0.prefix(400)) } ?? ""
            #expect(output.status == 78, "\(name): exit \(output.status); \(problems.replacingOccurrences(of: "\r", with: " "))")
            #expect(all.contains(needle), "\(name): \(problems)")
            #expect(all.range(of: #"\.toml:\d+"#, options: .regularExpression) != nil, "\(name): no file:line in \(problems)")
        }
        let results = try fixture.results.connect()
        #expect(try results.execute("SELECT count(*) AS n FROM recon.runs").singleRow().int("n") == 0)
    }

    /// `recon reconcile` runs the same checks before a run row: a broken set leaves no failed run.
    @Test func reconcileRefusesABrokenSetWithoutARunRow() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 100)
        let text = try String(contentsOfFile: try fixture.writeConfig(), encoding: .utf8)
            + "\n[[record_set]]\nname = \"vehicles\"\nministry_deleted_column = \"plate_colour\"\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("recon-check-\(UUID().uuidString).toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let output = try ScoreCommandTests.recon(["reconcile", "--province", "410000", "--config", path])
        #expect(output.status != 0)
        #expect(output.stderr.contains("not boolean"), "\(output.stderr)")
        #expect(try fixture.results.connect().execute("SELECT count(*) AS n FROM recon.runs").singleRow().int("n") == 0)
    }

    /// `recon track` runs the preflight too; `recon migrate` takes `--config`.
    @Test func trackChecksFirstAndMigrateTakesTheConfig() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 100)
        let good = try fixture.writeConfig()
        let migrate = try ScoreCommandTests.recon(["migrate", "--config", good])
        #expect(migrate.status == 0 && migrate.stdout.contains("schema up to date"), "\(migrate)")
        let text = try String(contentsOfFile: good, encoding: .utf8)
            + "\n[[record_set]]\nname = \"vehicles\"\nministry_submitted_column = \"bssj\"\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("recon-check-\(UUID().uuidString).toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let track = try ScoreCommandTests.recon(["track", "--config", path])
        #expect(track.status == 78, "\(track)")
        #expect(track.stderr.contains("bssj") && track.stderr.range(of: #"\.toml:\d+"#, options: .regularExpression) != nil, "\(track.stderr)")
    }
}
