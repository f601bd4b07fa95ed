import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// issue 24 item 3: a failed, stale or incomplete `recon due` is seen — `recon health` exits 1 and
/// says why; the metrics carry the last success and each step's status; the OnFailure= handler logs at
/// priority err and runs the configured hook.
@Suite("deploy: failures are seen", .serialized)
struct HealthTests {
    static func health(_ config: String, at now: String) throws -> ReconCLI.Result {
        try ReconCLI.run(["health", "--config", config, "--now", now])
    }

    @Test func healthFollowsTheLastPassAndTheOfficialRuns() throws {
        let fixture = try DueFixture(codes: ["410000", "420000"])
        let config = try fixture.writeConfig()
        let none = try Self.health(config, at: "2026-07-02T08:00:00+08:00")
        #expect(none.status == 1 && none.stdout.contains("CRITICAL: no recon due pass"), "\(none)")

        let metrics = FileManager.default.temporaryDirectory.appendingPathComponent("recon-\(UUID().uuidString).prom").path
        let pass = try ReconCLI.run(["due", "--config", config, "--now", "2026-07-02T09:00:00+08:00", "--metrics-file", metrics])
        #expect(pass.status == 0, "\(pass)")
        let text = try String(contentsOfFile: metrics, encoding: .utf8)
        #expect(text.contains("recon_due_step_ok{step=\"reconcile\"} 1\n") && text.contains("recon_due_step_ok{step=\"track\"} 1\n"), "\(text)")
        // 2026-07-02 09:00 Beijing = 1782954000: the pass's (pretended) instant.
        #expect(text.contains("recon_due_last_success_timestamp_seconds 1782954000\n"), "\(text)")

        let healthy = try Self.health(config, at: "2026-07-02T12:00:00+08:00")
        print("recon health 3 h after a good pass:\n\(healthy)")
        #expect(healthy.status == 0 && healthy.stdout.contains("OK: the last recon due pass"), "\(healthy)")
        let stale = try Self.health(config, at: "2026-07-03T06:00:00+08:00")
        #expect(stale.status == 1 && stale.stdout.contains("CRITICAL: stale"), "\(stale)")
        #expect(try ReconCLI.run(["health", "--config", config, "--now", "2026-07-03T06:00:00+08:00", "--max-age", "24"]).status == 0)
    }

    @Test func aFailedPassAndAProvinceWithoutItsOfficialRunAreCritical() throws {
        let fixture = try DueFixture(codes: ["410000", "420000"])
        let good = try fixture.writeConfig()
        // 420000's registry is unreachable for the whole window.
        let broken = try String(contentsOfFile: good, encoding: .utf8)
            .replacingOccurrences(of: fixture.provinces["420000"]!.dsn, with: TestDatabase.replacingDatabase(in: fixture.provinces["420000"]!.dsn, with: "no_such_registry"))
        let config = good + ".broken.toml"
        try broken.write(toFile: config, atomically: true, encoding: .utf8)
        let metrics = FileManager.default.temporaryDirectory.appendingPathComponent("recon-\(UUID().uuidString).prom").path
        let pass = try ReconCLI.run(["due", "--config", config, "--now", "2026-07-07T14:30:00+08:00", "--metrics-file", metrics])
        #expect(pass.status == 1, "\(pass)")
        #expect(try String(contentsOfFile: metrics, encoding: .utf8).contains("recon_due_step_ok{step=\"reconcile\"} 0\n"))
        let failed = try Self.health(config, at: "2026-07-07T15:00:00+08:00")
        print("recon health after a failed pass:\n\(failed)")
        #expect(failed.status == 1, "\(failed)")
        #expect(failed.stdout.contains("CRITICAL: the last recon due pass") && failed.stdout.contains("reconcile 420000: failed"), "\(failed)")
        // The window (2026-07-01 – 07-07) is over: 420000 has no official run of 2026Q3.
        let after = try ReconCLI.run(["due", "--config", good, "--now", "2026-07-08T06:30:00+08:00"])
        #expect(after.status == 0, "\(after)")
        let missing = try Self.health(good, at: "2026-07-08T07:00:00+08:00")
        print("recon health after the window:\n\(missing)")
        #expect(missing.status == 1, "\(missing)")
        #expect(missing.stdout.contains("NO official run of 2026Q3") && missing.stdout.contains("420000 湖北省"), "\(missing)")
        #expect(!missing.stdout.contains("410000 河南省"), "\(missing)")
    }

    /// The OnFailure= handler outside systemd: one line at priority err, and the hook gets the unit
    /// and the report.
    @Test func failureHandlerLogsAtErrAndRunsTheHook() throws {
        let folder = try ReconCLI.temporaryFolder("hook")
        let run = try ShellRun.run("/usr/bin/env", ["-i", "PATH=/usr/bin:/bin", "RECON_FAILURE_HOOK=cat > \(folder)/report; echo \"unit=$1\" >> \(folder)/report",
                                                   ShellRun.projectRoot + "/jobs/recon-failure.sh", "recon-due.service"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.hasPrefix("<3>recon: recon-due.service FAILED"), "\(run)")
        let report = try String(contentsOfFile: folder + "/report", encoding: .utf8)
        #expect(report.contains("recon: recon-due.service FAILED on") && report.contains("unit=recon-due.service"), "\(report)")
    }
}
