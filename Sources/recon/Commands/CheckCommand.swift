import ArgumentParser
import Foundation
import ReconKit
import ReconRules

/// `recon check`: the preflight of a configuration (issue 14).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the configuration against every database it names, before any run: tables, columns, types, flags, filters, normalisers; exit 0 or 78.")

    @OptionGroup var config: ConfigOption

    func run() throws {
        let loaded = try config.load()
        let report = Preflight(config: loaded, environment: ProcessInfo.processInfo.environment).run()
        print(report.rendered())
        if !report.isOK { throw ExitCode(ExitCodes.config) }
    }
}
