import ArgumentParser
import Foundation
import PostgresClient
import ReconKit
import ReconRules

/// `recon due`: does what the calendar says is due today (Beijing), for cron.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Do what is due today (Beijing): the quarter's official reconciliation and lists inside its window, tracking on working days, scoring when results are due.",
        discussion: """
            Each piece of work takes a PostgreSQL advisory lock (per job and province), so two copies —
            on one host or several — never do the same work; the second skips it. Exit codes:
            0 everything due was done or already done; 1 a step failed (the others ran; see the log);
            75 some work is held by another running copy (EX_TEMPFAIL: try later); 78 configuration
            error (EX_CONFIG); 64 usage error.
            """)

    @Option(help: ArgumentHelp("Plan for this Beijing date (YYYY-MM-DD) instead of today.", valueName: "date"),
            transform: ArgumentValue.date)
    var date: CivilDate?
    @Option(help: ArgumentHelp("Pretend it is this instant (ISO 8601 with offset): runs, issues and checks are recorded at it. For drills and the demo.", valueName: "timestamp"),
            transform: ArgumentValue.instant)
    var now: Date?
    @Flag(help: "Print the plan and touch nothing.") var dryRun = false
    @Option(name: .customLong("metrics-file"), help: ArgumentHelp("Write Prometheus metrics here (node_exporter textfile collector).", valueName: "file"))
    var metricsFile: String?
    @Option(help: ArgumentHelp("Provinces reconciled or tracked at once (default: [jobs] parallel, else 1).", valueName: "n"))
    var jobs: Int?
    @OptionGroup var config: ConfigOption
    @OptionGroup var logging: LogOptions

    func validate() throws {
        if let jobs, !(1...64).contains(jobs) { throw ValidationError("--jobs must be 1 … 64") }
    }

    func run() throws {
        let logger = logging.logger("recon.due")
        let loaded: ReconConfig
        do { loaded = try config.load() } catch {
            logger.critical("configuration: \(error)")
            throw ExitCode(ExitCodes.config)
        }
        // Statement and idle timeouts, keepalives: on every connection from here on ([jobs]).
        ConnectionLimits.processDefault = loaded.jobs.limits
        let pretend = now
        let day = date ?? BeijingTime.civilDate(of: pretend ?? Date())
        let policy = try ScoringPolicy.named(loaded.policyName)
        if dryRun {
            // Nothing is written: the calendar is read (with the notices imported into the results
            // database) when that database can be reached, else the built-in one, said so.
            var calendar = WorkdayCalendar.builtIn
            var note = "calendar: built in (2019–2026)"
            var stored: [Quarter: ScoringPolicy] = [:]
            do {
                let connection = try Connection(conninfo: try loaded.results.resolve(environment: ProcessInfo.processInfo.environment),
                                                applicationName: "recon due --dry-run")
                calendar = try CalendarStore(connection: connection).calendar()
                note = "calendar: built in plus the notices imported into the results database"
                // Each quarter's stored policy (recon.quarter_policies), read only.
                stored = try QuarterPolicies.storedPolicies(ScoringPolicy.candidateQuarters(of: day), on: connection)
            } catch {
                note = "calendar: built in only (the results database's imported notices could not be read: \(error))"
            }
            let plan = try DuePlanner.plan(date: day, calendar: calendar, policy: policy, stored: stored)
            print(plan.rendered())
            print("  (\(note))")
            return
        }
        // Every database of the pass must be resolvable before any work starts (exit 78 otherwise).
        do { try loaded.checkSources(environment: ProcessInfo.processInfo.environment) } catch {
            logger.critical("configuration: \(error)")
            throw ExitCode(ExitCodes.config)
        }
        // The same checks as `recon check`, before anything is written (docs/rules.md, "Operator
        // mistakes refused"): indicator 12's tables too when [platform] is configured, since a
        // pass on the results day scores it.
        try PreflightGate.require(Preflight(config: loaded, environment: ProcessInfo.processInfo.environment)) { line, critical in
            if critical { logger.critical("\(line)") } else { logger.warning("\(line)") }
        }
        let results = try config.results(loaded, application: "recon due")
        let calendar = try CalendarStore(connection: results).calendar()
        let runner = DueRunner(config: loaded, environment: ProcessInfo.processInfo.environment, results: results,
                               calendar: calendar, policy: policy, logger: logger, pretendNow: pretend)
        // Each quarter by its stored policy, else the configured one (docs/rules.md, "Which policy serves a quarter").
        let plan = try runner.plan(date: day)
        logger.info("\(plan.rendered())")
        runner.settings = DueSettings(loaded.jobs, jobsOverride: jobs)
        let resultsDSN = try loaded.results.resolve(environment: ProcessInfo.processInfo.environment)
        runner.openResults = { try Connection(conninfo: resultsDSN, applicationName: "recon due") }
        let started = Date()
        let outcomes = runner.run(plan)
        let code = ExitCodes.of(outcomes)
        // Recorded for `recon health` and the metrics' last success time.
        do {
            try DuePassStore(connection: results).record(outcomes: outcomes, exitCode: code, planDate: day, passAt: pretend ?? started,
                                                         pretended: pretend != nil, startedAt: started)
        } catch {
            logger.error("recording this pass in recon.due_passes: \(error)")
        }
        if let metricsFile {
            do {
                try DueMetrics.write(try DueMetrics.text(outcomes: outcomes, exitCode: code, at: Date(), results: results), to: metricsFile)
            } catch {
                logger.error("metrics file \(metricsFile): \(error)")
            }
        }
        let counts = Dictionary(grouping: outcomes, by: \.status.rawValue).mapValues(\.count)
        logger.info("recon due \(day) finished: \(counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")) — exit \(code)")
        if code != ExitCodes.success { throw ExitCode(code) }
    }
}
