import ArgumentParser
import Foundation
import ReconKit
import ReconRules

/// `recon health`: whether `recon due` is doing its job, for any monitoring system.
struct HealthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Exit 1 when the last recon due pass failed, is stale, or a province lacks its official run after the window.",
        discussion: """
            Prints one line per finding (OK / WARNING / CRITICAL). Exit codes: 0 healthy (warnings \
            allowed), 1 a critical finding, 78 configuration error. Usable from any monitoring system \
            (Nagios-style check, a systemd timer, cron MAILTO). README "Monitoring".
            """)

    @Option(name: .customLong("max-age"), help: ArgumentHelp("A last pass older than this many hours is stale (default 12: the longest gap between the three daily passes is 9¼ h).", valueName: "hours"))
    var maxAgeHours: Double = 12
    @Option(help: ArgumentHelp("Judge as at this instant (ISO 8601 with offset), for drills.", valueName: "timestamp"),
            transform: ArgumentValue.instant)
    var now: Date?
    @OptionGroup var config: ConfigOption

    func validate() throws {
        if !(maxAgeHours > 0) { throw ValidationError("--max-age must be a positive number of hours") }
    }

    func run() throws {
        let loaded = try config.load()
        let results = try config.results(loaded, application: "recon health")
        let calendar = try CalendarStore(connection: results).calendar()
        let health = DueHealth(results: results, config: loaded, calendar: calendar, policy: try ScoringPolicy.named(loaded.policyName))
        let findings = try health.check(now: now ?? Date(), maxAge: maxAgeHours * 3600)
        for finding in findings { print(finding) }
        let code = DueHealth.exitCode(findings)
        if code != ExitCodes.success { throw ExitCode(code) }
    }
}
