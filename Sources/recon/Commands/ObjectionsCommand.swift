import ArgumentParser
import Foundation
import ReconKit
import ReconRules

/// `recon objections`: 异议 during a quarter's public notice (第十一条: 对评价结果有异议的，可在公示期内
/// 提请核对修正; docs/rules.md, "Public notice and objections").
struct ObjectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "objections",
        abstract: "Raise, list and decide objections (异议) to a quarter's scores during its public notice.",
        subcommands: [Raise.self, List.self, Accept.self, Reject.self], defaultSubcommand: List.self)

    /// `recon objections raise`.
    struct Raise: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a province's objection to one indicator of the version on notice.")
        @Option(help: "Quarter, e.g. 2026Q3") var quarter: String
        @Option(help: "The objecting province.") var province: String
        @Option(help: "10, 11 or 12.") var indicator: Int
        @Option(help: "The objection (异议内容).") var text: String
        @OptionGroup var clock: LifecycleClockOption
        @OptionGroup var config: ConfigOption

        func run() throws {
            let quarter = try parseQuarter(quarter)
            let indicator: Indicator
            do { indicator = try Indicator(number: self.indicator) } catch { throw ValidationError("--indicator: \(error)") }
            try ArgumentCheck.nonEmpty("--text", text)
            _ = try config.load().argumentProvince(province)
            let now = clock.instant()
            let objection = try LifecycleContext(config, application: "recon objections").lifecycle.raiseObjection(quarter, province: province, indicator: indicator, text: text,
                                                         by: clock.who(), at: now)
            print("objection \(objection.id) raised: \(objection.provinceCode) indicator \(objection.indicator.number) of \(quarter) (version id \(objection.scoringID))")
        }
    }

    /// `recon objections list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The objections, oldest first.")
        @Option(help: "Only this quarter.") var quarter: String?
        @Option(help: "Only this province.") var province: String?
        @OptionGroup var config: ConfigOption

        func run() throws {
            let quarter = try self.quarter.map(parseQuarter)
            let objections = try LifecycleContext(config, application: "recon objections").lifecycle
                .objections(quarter: quarter, province: province)
            if objections.isEmpty { print("no objections"); return }
            for o in objections {
                print("\(o.id)  \(o.quarter)  \(o.provinceCode)  指标\(o.indicator.number)  \(o.status.label)  \(BeijingTimeFormat.human(o.raisedAt))  \(o.text)"
                      + (o.decisionReason.map { "  → \($0)（\(o.decidedBy ?? "")）" } ?? ""))
            }
        }
    }

    /// `recon objections accept`.
    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Accept an objection with corrected counts: the indicator is scored again by its rule, as a new version on notice.")
        @Argument(help: "The objection.") var id: Int
        @Option(help: "Corrected numerator of the indicator's rate.") var numerator: Int
        @Option(help: "Corrected denominator.") var denominator: Int
        @Option(help: "Why (核对修正的理由).") var reason: String
        @OptionGroup var clock: LifecycleClockOption
        @OptionGroup var config: ConfigOption

        func run() throws {
            guard numerator >= 0, denominator > 0, numerator <= denominator else {
                throw ValidationError("--numerator and --denominator must give a rate between 0% and 100% (0 ≤ numerator ≤ denominator, denominator > 0)")
            }
            let now = clock.instant()
            let context = try LifecycleContext(config, application: "recon objections")
            try ArgumentCheck.existing("<id> \(id)", Int64(id), .objection, on: context.results)
            let (objection, correction) = try context.lifecycle.accept(objection: id, numerator: numerator, denominator: denominator,
                                                               reason: reason, by: clock.who(), at: now)
            print("objection \(objection.id) accepted: version \(correction.version) (核对修正稿) of \(objection.quarter) is on notice")
        }
    }

    /// `recon objections reject`.
    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject an objection with a reason.")
        @Argument(help: "The objection.") var id: Int
        @Option(help: "Why.") var reason: String
        @OptionGroup var clock: LifecycleClockOption
        @OptionGroup var config: ConfigOption

        func run() throws {
            let now = clock.instant()
            let context = try LifecycleContext(config, application: "recon objections")
            try ArgumentCheck.existing("<id> \(id)", Int64(id), .objection, on: context.results)
            let objection = try context.lifecycle.reject(objection: id, reason: reason, by: clock.who(), at: now)
            print("objection \(objection.id) rejected: \(objection.decisionReason ?? "")")
        }
    }
}
