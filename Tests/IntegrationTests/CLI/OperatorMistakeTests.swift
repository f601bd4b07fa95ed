import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

/// Issue 25 case 8: an operator's mistake is refused by `recon check`, `recon due` and `recon
/// reconcile` alike — file:line, exit 78 — before anything official is written, not even
/// `recon.provinces` rows (docs/rules.md, "Operator mistakes refused").
@Suite("Operator mistakes refused before anything is written", .serialized)
struct OperatorMistakeTests {
    /// A config over the fixture's registries with a fresh (never migrated) results database.
    static func config(_ fixture: DueFixture, results: TestDatabase, platform: Bool = true, extra: String = "") throws -> String {
        var text = "[results]\ndsn = \"\(results.dsn)\"\n[ministry]\ndsn = \"\(fixture.ministry.dsn)\"\n"
        if platform { text += "[platform]\ndsn = \"\(fixture.platform.dsn)\"\n" }
        text += extra
        for province in fixture.config.provinces {
            text += "[[province]]\ncode = \"\(province.code)\"\nname = \"\(province.name)\"\ndsn = \"\(province.source.dsn!)\"\n"
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("recon-mistake-\(UUID().uuidString).toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Whether the results database has anything of recon in it.
    static func untouched(_ results: TestDatabase) throws -> Bool {
        try results.connect().execute("SELECT to_regclass('recon.provinces') IS NULL AS fresh").singleRow().bool("fresh")
    }

    static let windowDay = "2026-07-01T09:00:00+08:00"

    @Test func emptyRecordSetsAreRefusedEverywhere() throws {
        let fixture = try DueFixture(codes: ["410000", "420000"], rows: 60)
        let results = try TestDatabase("mistake_results")
        let path = try Self.config(fixture, results: results, extra: "")
        // record_sets goes at the top of the file, before any table.
        let text = "record_sets = []\n" + (try String(contentsOfFile: path, encoding: .utf8))
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        for arguments in [["check"], ["due", "--now", Self.windowDay], ["reconcile", "--all"]] {
            let run = try ReconCLI.run(arguments + ["--config", path])
            #expect(run.status == 78, "\(arguments): \(run)")
            #expect(run.stderr.contains(".toml:1") && run.stderr.contains("record_sets"), "\(arguments): \(run)")
        }
        #expect(try Self.untouched(results))
    }

    @Test func aMissingBusinessRecordsTableStopsTheWindowDayWhenThePlatformIsConfigured() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 60)
        try fixture.ministry.connect().executeSimple("ALTER TABLE business_records RENAME TO business_records_old")
        let results = try TestDatabase("mistake_results")
        let path = try Self.config(fixture, results: results)
        for arguments in [["check"], ["due", "--now", Self.windowDay]] {
            let run = try ReconCLI.run(arguments + ["--config", path])
            #expect(run.status == 78, "\(arguments): \(run)")
            #expect(run.output.contains("business_records") && run.output.contains(".toml:3"), "\(arguments): \(run)")
        }
        #expect(try Self.untouched(results))
        // Without [platform] indicator 12 is not scored here: the table is not demanded.
        let noPlatform = try Self.config(fixture, results: results, platform: false)
        let check = try ReconCLI.run(["check", "--config", noPlatform])
        #expect(check.status == 0, "\(check)")
        let reconcile = try ReconCLI.run(["reconcile", "--all", "--config", noPlatform])
        #expect(reconcile.status == 0, "\(reconcile)")
    }

    @Test func dueAndReconcileRefuseWhatCheckRefusesBeforeWritingProvinces() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 60)
        let results = try TestDatabase("mistake_results")
        let cases: [(String, String)] = [
            ("[[record_set]]\nname = \"vehicles\"\nprovince_table = \"yz.no_such_table\"\n", "no_such_table"),
            ("[[record_set]]\nname = \"vehicles\"\nfields = [\"vin\", \"no_such_field\"]\n", "no_such_field"),
            ("[[record_set]]\nname = \"vehicles\"\nministry_submitted_column = \"vin\"\n", "not a timestamp"),
            ("[[record_set]]\nname = \"vehicles\"\nkey = [{ column = \"plate_number\", normalise = [\"decimal\"] }, \"plate_colour\"]\n", "decimal"),
        ]
        for (extra, needle) in cases {
            // The record set goes after the provinces (a table ends at the next header).
            let path = try Self.config(fixture, results: results)
            try ((try String(contentsOfFile: path, encoding: .utf8)) + extra).write(toFile: path, atomically: true, encoding: .utf8)
            for arguments in [["due", "--now", Self.windowDay], ["reconcile", "--all"], ["reconcile", "--province", "410000"]] {
                let run = try ReconCLI.run(arguments + ["--config", path])
                #expect(run.status == 78, "\(needle) \(arguments): \(run)")
                #expect(run.output.contains(needle) && run.output.range(of: #"\.toml:\d+"#, options: .regularExpression) != nil,
                        "\(needle) \(arguments): \(run)")
            }
        }
        // A province DSN libpq cannot parse.
        var text = try String(contentsOfFile: try Self.config(fixture, results: results), encoding: .utf8)
        text = text.replacingOccurrences(of: "dsn = \"\(fixture.provinces["410000"]!.dsn)\"", with: "dsn = \"host=localhost port\"")
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("recon-mistake-\(UUID().uuidString).toml").path
        try text.write(toFile: bad, atomically: true, encoding: .utf8)
        for arguments in [["due", "--now", Self.windowDay], ["reconcile", "--all"]] {
            let run = try ReconCLI.run(arguments + ["--config", bad])
            #expect(run.status == 78, "bad DSN \(arguments): \(run)")
            #expect(run.output.range(of: #"\.toml:\d+"#, options: .regularExpression) != nil, "bad DSN \(arguments): \(run)")
        }
        #expect(try Self.untouched(results))
    }
}
