import ArgumentParser
import Foundation
import ReconKit

/// The preflight of `recon check` run by the commands that write official state (`recon due`,
/// `recon reconcile`, `recon track`) before they write anything — not even `recon.provinces` rows
/// (README "Exit codes"; docs/rules.md, "Operator mistakes refused"): every problem of the
/// configuration is printed with its `recon.toml:LINE` place and the command exits 78. A database
/// that is only unreachable now is an outage, not a mistake: it is reported and its work fails
/// (exit 1) and is retried, the rest goes on.
enum PreflightGate {
    /// Runs `preflight`; `report` receives each line (`critical` for a configuration problem).
    static func require(_ preflight: Preflight, report: (_ line: String, _ critical: Bool) -> Void) throws {
        let found = preflight.run()
        for problem in found.problems where problem.unreachable {
            report("unreachable now (its work fails and is retried): \(problem)", false)
        }
        let problems = found.configurationProblems
        guard problems.isEmpty else {
            for problem in problems { report("configuration: \(problem)", true) }
            report("\(problems.count) configuration problem(s), nothing was written; `recon check` shows the same", true)
            throw ExitCode(ExitCodes.config)
        }
    }

    /// `require` printing to stderr as `command: …`.
    static func require(_ preflight: Preflight, command: String) throws {
        try require(preflight) { line, _ in FileHandle.standardError.write(Data("\(command): \(line)\n".utf8)) }
    }
}
