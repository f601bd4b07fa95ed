import ArgumentParser
import Foundation
import ReconKit
import ReconRules

/// `recon window`: the ministry's recorded extension of a quarter's reconciliation window
/// (docs/rules.md, "The window (每季度第一周)").
struct WindowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "window", abstract: "The quarter's reconciliation window: extend it, with a reason, when the ministry's system was down.",
        subcommands: [Extend.self])

    /// `recon window extend --quarter Q --until D --reason R`.
    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the ministry's extension of a quarter's reconciliation window (kept for good, shown in the bulletin); before the quarter is scored.")
        @Option(help: ArgumentHelp("Quarter, e.g. 2026Q3", valueName: "quarter"), transform: ArgumentValue.quarter) var quarter: Quarter
        @Option(help: ArgumentHelp("The extended window's last day, YYYY-MM-DD (to 24:00 Beijing).", valueName: "date"),
                transform: ArgumentValue.date) var until: CivilDate
        @Option(help: "Why (e.g. 部级系统故障 2026-07-03 至 07-07).") var reason: String
        @OptionGroup var clock: LifecycleClockOption
        @OptionGroup var config: ConfigOption

        func validate() throws { try ArgumentCheck.nonEmpty("--reason", reason) }

        func run() throws {
            let context = try LifecycleContext(config, application: "recon window extend")
            let policy = try ScoringPolicy.named(context.config.policyName)
            let recorded = try ArgumentCheck.using("--until \(until)") {
                do {
                    return try WindowExtension.record(quarter, until: until, reason: reason, by: clock.who(), at: clock.instant(),
                                                      calendar: context.lifecycle.calendar, policy: policy, on: context.results)
                } catch let error as LifecycleError where error.code != "bad-extension" {
                    throw ExitStatusPassThrough(error)
                }
            }
            print(recorded.chinese)
        }
    }
}

/// An error `ArgumentCheck.using` must not turn into a usage error.
struct ExitStatusPassThrough: Error, CustomStringConvertible {
    let error: any Error
    init(_ error: any Error) { self.error = error }
    var description: String { String(describing: error) }
}
