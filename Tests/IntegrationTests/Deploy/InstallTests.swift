import Foundation
import PostgresClient
import ReconKit
import ReconTestSupport
import Testing

/// issue 24 item 2: jobs/install.sh into a staging root (DESTDIR): idempotent, the secrets file 0600
/// and the recon user's, units that `systemd-analyze verify` accepts, the timer's ExecStart running as
/// the recon user against a test database, and an uninstall that keeps the configuration.
@Suite("deploy: jobs/install.sh", .serialized)
struct InstallTests {
    static let script = ShellRun.projectRoot + "/jobs/install.sh"

    static func install(_ dest: String, _ arguments: [String] = []) throws -> ShellRun {
        try ShellRun.run("/usr/bin/env", ["-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "DESTDIR=\(dest)", "/bin/bash", script,
                                          "--binary", try DueFixture.reconBinary()] + arguments)
    }

    /// Every file and folder under `root`: mode, owner, size and content hash.
    static func snapshot(_ root: String) throws -> String {
        try ShellRun.run("/bin/bash", ["-c", "cd \"$0\" && find . -path ./usr/lib/systemd -prune -o -printf '%p %m %u:%g %s\\n' | sort && find . -type f -not -path './usr/lib/systemd/*' -exec md5sum {} + | sort", root]).stdout
    }

    @Test func installIsIdempotentWithTheSecretsFileLockedDown() throws {
        let dest = try ReconCLI.temporaryFolder("install")
        defer { try? FileManager.default.removeItem(atPath: dest) }  // it holds a copy of the binary
        let first = try Self.install(dest)
        #expect(first.status == 0, "\(first)")
        let before = try Self.snapshot(dest)
        let second = try Self.install(dest)
        #expect(second.status == 0, "\(second)")
        #expect(try Self.snapshot(dest) == before, "a second install changed something")
        let env = try FileManager.default.attributesOfItem(atPath: dest + "/etc/recon/recon.env")
        #expect((env[.posixPermissions] as? Int) == 0o600)
        #expect((env[.ownerAccountName] as? String) == "recon")
        // An operator's edits survive a re-install; a loosened mode is put back.
        try "RECON_RESULTS_DSN=postgresql://edited@db/recon\n".write(toFile: dest + "/etc/recon/recon.env", atomically: false, encoding: .utf8)
        _ = try ShellRun.run("/bin/chmod", ["0644", dest + "/etc/recon/recon.env"])
        #expect(try Self.install(dest).status == 0)
        #expect(try String(contentsOfFile: dest + "/etc/recon/recon.env", encoding: .utf8).contains("edited@db"))
        #expect((try FileManager.default.attributesOfItem(atPath: dest + "/etc/recon/recon.env")[.posixPermissions] as? Int) == 0o600)
        for folder in ["var/lib/recon/out", "var/lib/recon/state", "var/lib/recon/metrics", "var/log/recon"] {
            #expect((try FileManager.default.attributesOfItem(atPath: "\(dest)/\(folder)")[.ownerAccountName] as? String) == "recon", "\(folder)")
        }
    }

    @Test func systemdAnalyzeVerifiesTheInstalledUnits() throws {
        let dest = try ReconCLI.temporaryFolder("install")
        defer { try? FileManager.default.removeItem(atPath: dest) }  // it holds a copy of the binary
        #expect(try Self.install(dest).status == 0)
        // systemd-analyze --root needs the distribution's own units (targets) under the root.
        _ = try ShellRun.run("/bin/mkdir", ["-p", dest + "/usr/lib/systemd"])
        #expect(try ShellRun.run("/bin/cp", ["-a", "/usr/lib/systemd/system", dest + "/usr/lib/systemd/"]).status == 0)
        let units = ["recon-due.service", "recon-due.timer", "recon-serve.service", "recon-failure@recon-due.service.service"]
        let verify = try ShellRun.run("/usr/bin/systemd-analyze", ["verify", "--root=\(dest)"] + units.map { "/etc/systemd/system/\($0)" })
        print("systemd-analyze verify: \(verify)")
        #expect(verify.status == 0 && verify.stderr.isEmpty && verify.stdout.isEmpty, "\(verify)")
        let due = try String(contentsOfFile: dest + "/etc/systemd/system/recon-due.service", encoding: .utf8)
        for line in ["User=recon", "NoNewPrivileges=yes", "ProtectSystem=strict", "ReadWritePaths=/var/lib/recon /var/log/recon",
                     "TimeoutStartSec=", "OnFailure=recon-failure@%n.service", "EnvironmentFile=/etc/recon/recon.env"] {
            #expect(due.contains(line), "\(line)")
        }
    }

    /// The installed unit's ExecStart, run as the recon user with only recon.env's variables, does a
    /// window day's work against a test database and writes its metrics where the unit may write.
    @Test func installedExecStartRunsAsReconAgainstATestDatabase() throws {
        let fixture = try DueFixture(codes: ["410000", "420000"])
        let dest = try ReconCLI.temporaryFolder("install")
        defer { try? FileManager.default.removeItem(atPath: dest) }  // it holds a copy of the binary
        #expect(try Self.install(dest).status == 0)
        var toml = "policy = \"\(fixture.policy.name)\"\n[results]\ndsn_env = \"RECON_RESULTS_DSN\"\n[ministry]\ndsn_env = \"RECON_MINISTRY_DSN\"\n[platform]\ndsn_env = \"RECON_PLATFORM_DSN\"\n"
        toml += "[jobs]\noutput_dir = \"\(dest)/var/lib/recon/out\"\nparallel = 2\n"
        var env = "RECON_RESULTS_DSN=\(fixture.results.dsn)\nRECON_MINISTRY_DSN=\(fixture.ministry.dsn)\nRECON_PLATFORM_DSN=\(fixture.platform.dsn)\n"
        for province in fixture.config.provinces {
            toml += "[[province]]\ncode = \"\(province.code)\"\nname = \"\(province.name)\"\ndsn_env = \"RECON_DSN_\(province.code)\"\n"
            env += "RECON_DSN_\(province.code)=\(province.source.dsn!)\n"
        }
        try toml.write(toFile: dest + "/etc/recon/recon.toml", atomically: false, encoding: .utf8)
        try env.write(toFile: dest + "/etc/recon/recon.env", atomically: false, encoding: .utf8)
        let unit = try String(contentsOfFile: dest + "/etc/systemd/system/recon-due.service", encoding: .utf8)
        let execStart = try #require(unit.split(separator: "\n").first { $0.hasPrefix("ExecStart=") }).dropFirst("ExecStart=".count)
        // The unit's absolute paths, inside the staging root.
        let command = execStart.split(separator: " ").map { word -> String in
            ["/usr/local/", "/etc/recon/", "/var/lib/recon/"].contains { word.hasPrefix($0) } ? dest + word : String(word)
        }
        let variables = env.split(separator: "\n").map(String.init)
        let run = try ShellRun.run("/usr/sbin/runuser", ["-u", "recon", "--", "/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "TZ=UTC"]
                                   + variables + command + ["--now", "2026-07-02T09:00:00+08:00"])
        print("installed ExecStart as recon: \(command.joined(separator: " "))\n\(run)")
        #expect(run.status == 0, "\(run)")
        #expect(try fixture.runCounts() == ["410000": ["completed": 1], "420000": ["completed": 1]])
        let metrics = dest + "/var/lib/recon/metrics/recon_due.prom"
        #expect((try FileManager.default.attributesOfItem(atPath: metrics)[.ownerAccountName] as? String) == "recon")
        #expect(try String(contentsOfFile: metrics, encoding: .utf8).contains("recon_due_exit_code 0"))
        let written = try FileManager.default.contentsOfDirectory(atPath: dest + "/var/lib/recon/out")
        #expect(!written.isEmpty, "the official lists' files")
    }

    @Test func uninstallKeepsConfigurationAndPurgeRemovesIt() throws {
        let dest = try ReconCLI.temporaryFolder("install")
        defer { try? FileManager.default.removeItem(atPath: dest) }  // it holds a copy of the binary
        #expect(try Self.install(dest, ["--cron"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: dest + "/etc/cron.d/recon"))
        #expect(!FileManager.default.fileExists(atPath: dest + "/etc/systemd/system/recon-due.timer"), "cron instead of the timer")
        let removed = try Self.install(dest, ["--uninstall"])
        #expect(removed.status == 0, "\(removed)")
        for gone in ["usr/local/bin/recon", "etc/cron.d/recon", "etc/systemd/system/recon-serve.service", "usr/local/lib/recon"] {
            #expect(!FileManager.default.fileExists(atPath: "\(dest)/\(gone)"), "\(gone)")
        }
        #expect(FileManager.default.fileExists(atPath: dest + "/etc/recon/recon.env"))
        #expect(try Self.install(dest, ["--uninstall", "--purge"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: dest + "/etc/recon"))
        #expect(!FileManager.default.fileExists(atPath: dest + "/var/lib/recon"))
    }
}
