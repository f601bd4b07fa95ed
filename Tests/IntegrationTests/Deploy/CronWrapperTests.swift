import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// issue 24 item 1: jobs/recon-due.sh run the way Debian's cron runs it (`env -i PATH=/usr/bin:/bin`,
/// TZ=UTC, no CRON_TZ) does the right work at the right Beijing instant, finds recon, loads its
/// environment file and reports failures on stderr (what cron mails to MAILTO).
@Suite("deploy: the cron wrapper on a UTC host", .serialized)
struct CronWrapperTests {
    /// A folder with recon.toml (every database by dsn_env, as jobs/recon.toml.example) and recon.env.
    struct Install {
        let folder: String
        let envFile: String
        let logDir: String
        var variables: [String: String] { ["RECON_ENV_FILE": envFile] }

        init(_ fixture: DueFixture, binary: String, omitting: String? = nil) throws {
            folder = try ReconCLI.temporaryFolder("cron")
            logDir = folder + "/log"
            var toml = "policy = \"\(fixture.policy.name)\"\n[results]\ndsn_env = \"RECON_RESULTS_DSN\"\n[ministry]\ndsn_env = \"RECON_MINISTRY_DSN\"\n[platform]\ndsn_env = \"RECON_PLATFORM_DSN\"\n"
            var env = "RECON_BIN=\(binary)\nRECON_CONFIG=\(folder)/recon.toml\nRECON_LOG_DIR=\(logDir)\nRECON_STATE_DIR=\(folder)/state\n"
            env += "RECON_RESULTS_DSN=\(fixture.results.dsn)\nRECON_MINISTRY_DSN=\(fixture.ministry.dsn)\nRECON_PLATFORM_DSN=\(fixture.platform.dsn)\n"
            for province in fixture.config.provinces {
                toml += "[[province]]\ncode = \"\(province.code)\"\nname = \"\(province.name)\"\ndsn_env = \"RECON_DSN_\(province.code)\"\n"
                if province.code != omitting { env += "RECON_DSN_\(province.code)=\(province.source.dsn!)\n" }
            }
            try toml.write(toFile: folder + "/recon.toml", atomically: true, encoding: .utf8)
            envFile = folder + "/recon.env"
            try env.write(toFile: envFile, atomically: true, encoding: .utf8)
        }

        func log(_ beijingDate: String) -> String {
            (try? String(contentsOfFile: "\(logDir)/recon-due-\(beijingDate).log", encoding: .utf8)) ?? ""
        }
    }

    static let script = ShellRun.projectRoot + "/jobs/recon-due.sh"

    @Test func everyFiveMinutesOnAUTCHostRunsEachBeijingSlotOnce() throws {
        let fixture = try DueFixture(codes: ["410000", "420000"])
        let install = try Install(fixture, binary: try DueFixture.reconBinary())
        func tick(_ utc: String) throws -> ShellRun {
            try ShellRun.asCron(Self.script, ["--scheduled"], variables: install.variables.merging(["RECON_DUE_NOW": utc]) { $1 })
        }
        // 2026-07-01 22:00 UTC is 2026-07-02 06:00 in Beijing: no slot yet today, yesterday's 23:45
        // is past its catch-up: nothing runs (a UTC-hour entry "30 6" would have fired at 14:30 Beijing).
        let early = try tick("2026-07-01T22:00:00Z")
        #expect(early.status == 0 && early.stderr.isEmpty, "\(early)")
        #expect(try fixture.runCounts().isEmpty)
        // 22:35 UTC = 06:35 Beijing, inside 2026Q3's window: the 06:30 pass reconciles both provinces.
        let first = try tick("2026-07-01T22:35:00Z")
        #expect(first.status == 0 && first.stderr.isEmpty, "\(first)")
        #expect(try fixture.runCounts() == ["410000": ["completed": 1], "420000": ["completed": 1]])
        let log = install.log("2026-07-02")
        print("cron wrapper log 2026-07-02 after the 06:30 slot:\n\(log)")
        #expect(log.contains("2026-07-02 06:35:00 +0800 recon due (slot 06:30)"), "\(log)")
        #expect(log.contains("official run of 2026Q3") && log.contains("=== exit 0"), "\(log)")
        // Five minutes later: that slot is done on this host; nothing starts, the log does not grow.
        let again = try tick("2026-07-01T22:40:00Z")
        #expect(again.status == 0 && again.stderr.isEmpty, "\(again)")
        #expect(install.log("2026-07-02") == log)
        // 06:31 UTC = 14:31 Beijing: the 14:30 pass runs and finds the work done.
        let afternoon = try tick("2026-07-02T06:31:00Z")
        #expect(afternoon.status == 0, "\(afternoon)")
        #expect(install.log("2026-07-02").contains("(slot 14:30)"))
        #expect(try fixture.runCounts() == ["410000": ["completed": 1], "420000": ["completed": 1]])
    }

    @Test func aFailedPassIsReportedOnStderrAndItsStatusKept() throws {
        let fixture = try DueFixture(codes: ["410000", "420000"])
        let install = try Install(fixture, binary: try DueFixture.reconBinary(), omitting: "420000")
        let run = try ShellRun.asCron(Self.script, [], variables: install.variables.merging(["RECON_DUE_NOW": "2026-07-02T01:00:00Z"]) { $1 })
        print("cron wrapper, RECON_DSN_420000 missing:\n\(run)")
        #expect(run.status == 78, "\(run)")
        #expect(run.stderr.contains("recon due FAILED") && run.stderr.contains("exit 78") && run.stderr.contains("RECON_DSN_420000"), "\(run)")
        #expect(!run.stderr.contains("postgresql://"), "no DSN in the mail: \(run)")
        #expect(try fixture.runCounts().isEmpty, "nothing ran before the configuration was whole")
    }

    @Test func aMissingBinaryIsNamedWithExit127() throws {
        let fixture = try DueFixture(codes: ["410000"])
        let install = try Install(fixture, binary: "/nonexistent/recon")
        let run = try ShellRun.asCron(Self.script, [], variables: install.variables)
        #expect(run.status == 127, "\(run)")
        #expect(run.stderr.contains("recon binary not found") && run.stderr.contains("RECON_BIN"), "\(run)")
    }

    /// The systemd timer names Beijing times: on a UTC host 06:30 Beijing elapses at 22:30 UTC.
    @Test func timerCalendarIsBeijingTimeOnAUTCHost() throws {
        let timer = try String(contentsOfFile: ShellRun.projectRoot + "/jobs/recon-due.timer", encoding: .utf8)
        let calendars = timer.split(separator: "\n").filter { $0.hasPrefix("OnCalendar=") }.map { String($0.dropFirst("OnCalendar=".count)) }
        #expect(calendars.count == 3 && calendars.allSatisfy { $0.hasSuffix(" Asia/Shanghai") }, "\(calendars)")
        let check = try ShellRun.run("/usr/bin/env", ["-i", "TZ=UTC", "/usr/bin/systemd-analyze", "calendar", calendars[0]])
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout.contains("22:30:00 UTC"), "\(check)")
    }
}
