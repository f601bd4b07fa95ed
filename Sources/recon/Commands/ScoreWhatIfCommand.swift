import ArgumentParser
import ReconKit
import ReconRules

/// `recon score what-if`: the score a rate would earn.
struct ScoreWhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "what-if",
        abstract: "Print the score a rate would earn on indicator 10, 11 or 12 (e.g. --indicator 11 --rate 97.5% → 4.63).")

    @Option(help: "10 对账差异率, 11 对账整改率 or 12 数据归集率") var indicator: Int
    @Option(help: "A rate such as 97.5% or 0.975") var rate: String?
    @Option(help: "Numerator count (with --denominator)") var numerator: Int?
    @Option(help: "Denominator count (with --numerator)") var denominator: Int?
    @Flag(help: "Print JSON: {\"indicator\":11,\"rate\":\"97.5%\",\"score\":\"4.63\"}") var json = false

    func validate() throws {
        let counts = numerator != nil || denominator != nil
        if rate != nil && counts { throw ValidationError("give either --rate or --numerator/--denominator, not both") }
        if rate == nil && (numerator == nil || denominator == nil) {
            throw ValidationError("give --rate R, or both --numerator A and --denominator B")
        }
        _ = try answer()
    }

    /// The answer; every refusal (an indicator other than 10–12, a rate outside 0–100% or not a
    /// number, a zero denominator, a numerator above it) names its argument (exit 64).
    func answer() throws -> WhatIf {
        let which = try ArgumentCheck.using("--indicator \(indicator)") { try Indicator(number: indicator) }
        if let rate {
            return try ArgumentCheck.using("--rate \(rate)") { try WhatIf.evaluate(which, rate: rate) }
        }
        return try ArgumentCheck.using("--numerator \(numerator!) --denominator \(denominator!)") {
            try WhatIf.evaluate(which, numerator: numerator!, denominator: denominator!)
        }
    }

    func run() throws {
        let answer = try answer()
        print(json ? answer.json : answer.score.description)
    }
}
