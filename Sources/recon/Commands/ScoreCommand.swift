import ArgumentParser
import Foundation
import PostgresClient
import ReconKit
import ReconRules

/// `recon score`: a quarter's indicator 10–12 scores through their lifecycle (docs/rules.md,
/// "The quarter's lifecycle").
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Show a quarter's scores (draft on notice, published, or a preview), their versions, and publish them.",
        subcommands: [ScoreShowCommand.self, ScoreHistoryCommand.self, ScorePublishCommand.self, ScoreRepublishCommand.self,
                      ScoreWhatIfCommand.self],
        defaultSubcommand: ScoreShowCommand.self)
}

/// `--now TS` for drills and demos of the lifecycle commands, and `--actor NAME`: who acts.
struct LifecycleClockOption: ParsableArguments {
    @Option(help: ArgumentHelp("Pretend it is this instant (ISO 8601 with offset): for drills and the demo.", valueName: "timestamp"),
            transform: ArgumentValue.instant)
    var now: Date?
    @Option(help: ArgumentHelp("Who acts, recorded with the version, decision or publication (e.g. 部级运政处 张三). Default: RECON_ACTOR, else the operating-system user.",
                               valueName: "name"))
    var actor: String?

    func validate() throws {
        if let actor, actor.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || actor.count > 200 {
            throw ValidationError("--actor must name who acts (1 to 200 characters)")
        }
    }

    /// The instant the transition is recorded at.
    func instant() -> Date { now ?? Date() }

    /// Who the transition is recorded as: `--actor`, else ``CLIActor/name``.
    func who() -> String { actor?.trimmingCharacters(in: .whitespacesAndNewlines) ?? CLIActor.name }
}

/// Who is acting from the CLI when `--actor` is not given (recorded with versions, decisions and
/// publications): `RECON_ACTOR`, else the operating-system account (`USER`, `LOGNAME`, else the
/// account of the process's user id) at the host — never an unnamed "unknown".
enum CLIActor {
    static var name: String {
        if let named = ProcessEnvironment.value("RECON_ACTOR")?.trimmingCharacters(in: .whitespacesAndNewlines), !named.isEmpty {
            return named
        }
        let account = [ProcessEnvironment.value("USER"), ProcessEnvironment.value("LOGNAME")].compactMap { $0 }.first { !$0.isEmpty }
            ?? getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
            ?? "uid \(getuid())"
        return "\(account)@\(ProcessInfo.processInfo.hostName)（recon 命令行）"
    }
}

/// The configuration, results database and lifecycle a lifecycle command works on.
struct LifecycleContext {
    let config: ReconConfig
    let results: Connection
    let lifecycle: QuarterLifecycle

    /// Loads the configuration, connects (migrating the schema) and reads the calendar.
    init(_ option: ConfigOption, application: String) throws {
        config = try option.load()
        results = try option.results(config, application: application)
        lifecycle = QuarterLifecycle(results: results, calendar: try CalendarStore(connection: results).calendar())
    }
}

/// Parses `--quarter`.
func parseQuarter(_ text: String) throws -> Quarter {
    do { return try Quarter.parse(text) } catch { throw ValidationError("--quarter: \(error)") }
}

/// `recon score [show] --quarter 2026Q3`: read-only unless `--store`.
struct ScoreShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the quarter's current scores: the version on public notice or published, else a preview computed now (stored only with --store).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, xlsx }

    @Option(help: "Quarter, e.g. 2026Q3") var quarter: String
    @Option(help: "Only this province.") var province: String?
    @Option(help: "table, csv, json or xlsx") var format: Format = .table
    @Option(help: "Folder for csv/xlsx files (default: print csv to stdout; xlsx needs --out).") var out: String?
    @Option(help: "Scoring policy of a preview (default: the config's, else jtys-2022-1599).") var policy: String?
    @Flag(help: "Store the draft and put it on public notice (only once its conditions hold: results date come, every official list's deadline passed).")
    var store = false
    @OptionGroup var clock: LifecycleClockOption
    @OptionGroup var config: ConfigOption

    func run() throws {
        let quarter = try parseQuarter(quarter)
        let loaded = try config.load()
        // Arguments are checked before anything is computed or stored.
        if let province { _ = try loaded.argumentProvince(province) }
        if let policy {
            do { _ = try ScoringPolicy.named(policy) } catch { throw ValidationError("--policy \(policy): \(error)") }
        }
        let now = clock.instant()
        let results = try config.results(loaded, application: "recon score")
        let calendar = try CalendarStore(connection: results).calendar()
        let lifecycle = QuarterLifecycle(results: results, calendar: calendar)
        let environment = ProcessInfo.processInfo.environment
        let scores: QuarterScores
        let banner: String
        // Each quarter is scored under the policy stored with it (recon.quarter_policies), else the
        // configured one (docs/rules.md, "Which policy serves a quarter").
        let policies = QuarterPolicies(configured: try ScoringPolicy.named(loaded.policyName))
        if store {
            let first = try lifecycle.firstQuarter(configured: loaded.firstQuarter, policies: policies)
            if let policy, let stored = try QuarterPolicies.stored(quarter, on: results), stored.name != policy {
                throw ValidationError("--policy \(policy): \(quarter) is served by policy \(stored.name) (fixed by \(stored.fixedBy)); its draft is scored under it")
            }
            let chosen = try policy.map { QuarterPolicies(configured: try ScoringPolicy.named($0)) } ?? policies
            var problems: [String] = []
            let readiness = try lifecycle.readiness(quarter, at: now, firstQuarter: first)
            let quarterPolicy = readiness == .ready ? try chosen.fix(quarter, by: "recon score --store", at: now, on: results)
                : try chosen.policy(of: quarter, on: results)
            let version = try lifecycle.draft(quarter, at: now, firstQuarter: first, by: clock.who()) {
                let computed = try QuarterScoring.compute(config: loaded, results: results, quarter: quarter, policyName: quarterPolicy.name,
                                                          environment: environment)
                problems = computed.provinces.flatMap { p in p.problems.map { "province \(p.provinceCode): \($0)" } }
                return computed
            }
            for problem in problems { FileHandle.standardError.write(Data("recon score: problem: \(problem)\n".utf8)) }
            scores = version.scores
            banner = "\(quarter) 第\(version.version)版（\(version.kind.label)）已保存，公示期至 \(version.scores.noticeEnds)"
        } else {
            let stage = try lifecycle.stage(quarter)
            switch stage {
            case .notScored:
                // A quarter that will never be scored says so instead of showing zeros.
                if case let .never(reason) = try lifecycle.readiness(quarter, at: now,
                                                                     firstQuarter: try lifecycle.firstQuarter(configured: loaded.firstQuarter, policies: policies)) {
                    print("\(quarter) 不评分（永不评分）：\(reason)")
                    return
                }
                let previewPolicy = try policy ?? policies.policy(of: quarter, on: results).name
                scores = try QuarterScoring.compute(config: loaded, results: results, quarter: quarter,
                                                    policyName: previewPolicy, environment: environment)
                banner = "\(quarter) 预览（现在计算，未保存；不是评价结果）"
            case let .onNotice(current, _):
                scores = current.scores
                banner = "\(quarter) \(stage.label(at: now))"
            case let .published(_, current):
                scores = current.scores
                banner = "\(quarter) \(try lifecycle.stage(quarter).label) · 第\(current.version)版"
            }
        }
        let shown = province.map { scores.filtered(to: [$0]) } ?? scores
        if format == .table { print(banner) }
        try ScoreOutput.write(shown, format: format.rawValue, folder: out)
    }
}

/// `recon score history --quarter Q`.
struct ScoreHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Every stored version of a quarter's scores and its publications, with who, when and why.")

    @Option(help: "Quarter, e.g. 2026Q3") var quarter: String
    @OptionGroup var config: ConfigOption

    func run() throws {
        let quarter = try parseQuarter(quarter)
        let loaded = try config.load()
        let results = try config.results(loaded, application: "recon score history")
        let versions = try ScoreStore.versions(quarter, on: results)
        let publications = try Publication.all(quarter, on: results)
        if versions.isEmpty { print("\(quarter): no stored version"); return }
        for version in versions {
            let subtotals = version.scores.provinces.map { "\($0.provinceCode) \($0.subtotal)" }.joined(separator: ", ")
            print("version \(version.version) (\(version.kind.label), id \(version.id)) \(BeijingTimeFormat.human(version.createdAt)) by \(version.createdBy)"
                  + (version.reason.map { " — \($0)" } ?? "") + ": \(subtotals)")
        }
        for publication in publications {
            let version = versions.first { $0.id == publication.scoringID }?.version ?? 0
            print("publication \(publication.id) (\(publication.kind == .republication ? "重新公布" : "公布")) \(BeijingTimeFormat.human(publication.publishedAt)) by \(publication.publishedBy): version \(version)"
                  + (publication.reason.map { " — \($0)" } ?? ""))
        }
    }
}

/// `recon score publish --quarter Q`.
struct ScorePublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Publish a quarter once its public notice is over and every objection is decided (recon due does this itself).")

    @Option(help: "Quarter, e.g. 2026Q3") var quarter: String
    @OptionGroup var clock: LifecycleClockOption
    @OptionGroup var config: ConfigOption

    func run() throws {
        let quarter = try parseQuarter(quarter)
        let now = clock.instant()
        let context = try LifecycleContext(config, application: "recon score publish")
        let publication = try context.lifecycle.publish(quarter, by: clock.who(), at: now)
        print("\(quarter) published (publication \(publication.id)); ranking: "
              + publication.ranks.map { "\($0.rank). \($0.provinceCode)" }.joined(separator: ", "))
        try writeResultFiles(context, quarter: quarter, at: now)
    }
}

/// `recon score republish --quarter Q --reason R`.
struct ScoreRepublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "republish", abstract: "Score a published quarter again from the registries and publish it again, with a reason (recorded; the earlier publication is kept).")

    @Option(help: "Quarter, e.g. 2026Q3") var quarter: String
    @Option(help: "Why the published results are replaced (recorded).") var reason: String
    @OptionGroup var clock: LifecycleClockOption
    @OptionGroup var config: ConfigOption

    func run() throws {
        let quarter = try parseQuarter(quarter)
        let now = clock.instant()
        let context = try LifecycleContext(config, application: "recon score republish")
        // Scored anew under the policy the quarter was published with.
        // Scored anew under the policy stored with the quarter (recon.quarter_policies), else the one
        // it was published with.
        let publishedPolicy: String? = if case let .published(_, current) = try context.lifecycle.stage(quarter) {
            current.scores.policy.name
        } else { nil }
        let quarterPolicy = try QuarterPolicies.stored(quarter, on: context.results)?.name ?? publishedPolicy
        let publication = try context.lifecycle.republish(quarter, reason: reason, by: clock.who(), at: now) {
            try QuarterScoring.compute(config: context.config, results: context.results, quarter: quarter, policyName: quarterPolicy,
                                       environment: ProcessInfo.processInfo.environment)
        }
        print("\(quarter) republished (publication \(publication.id)): \(reason)")
        try writeResultFiles(context, quarter: quarter, at: now)
    }
}

/// Writes the quarter's missing result files (the bulletin among them) into `[jobs] output_dir`
/// right after a publication, as `recon due` does (docs/rules.md, "Files are state").
func writeResultFiles(_ context: LifecycleContext, quarter: Quarter, at now: Date) throws {
    guard let folder = context.config.outputDirectory else { return }
    for path in try ResultFiles(results: context.results, recordSets: context.config.recordSets, folder: folder,
                                bulletin: context.config.bulletin)
        .writeMissing(quarter: quarter, at: now) {
        print("wrote \(path)")
    }
}
