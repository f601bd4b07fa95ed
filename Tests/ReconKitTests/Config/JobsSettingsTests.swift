import Testing
@testable import ReconKit
import TOML

/// issue 24 items 4 and 5: `[jobs]` parallelism, budgets and connection limits, read with their lines.
@Suite("recon.toml: [jobs]")
struct JobsSettingsTests {
    static func load(_ jobs: String) throws -> ReconConfig {
        try ConfigLoader.parse("[results]\ndsn = \"r\"\n[ministry]\ndsn = \"m\"\n[[province]]\ncode = \"410000\"\nname = \"河南省\"\ndsn = \"p\"\n[jobs]\n" + jobs,
                               fileName: "recon.toml")
    }

    @Test func defaultsAndDurations() throws {
        let defaults = try Self.load("output_dir = \"/x\"\n").jobs
        #expect(defaults.parallel == 1 && defaults.provinceBudget == 7200 && defaults.heldWait == 7200)
        #expect(defaults.limits.statementTimeout == 3600 && defaults.limits.idleInTransactionTimeout == 1800)
        let set = try Self.load("parallel = 4\nprovince_budget = \"90min\"\nheld_wait = 0\nstatement_timeout = \"2h\"\nidle_in_transaction_timeout = \"45s\"\n").jobs
        #expect(set.parallel == 4 && set.provinceBudget == 5400 && set.heldWait == 0)
        #expect(set.limits.statementTimeout == 7200 && set.limits.idleInTransactionTimeout == 45)
        #expect(DueSettings(set, jobsOverride: 2).jobs == 2 && DueSettings(set).jobs == 4)
    }

    @Test("refusals name the line", arguments: [
        ("parallel = 0\n", "recon.toml:10"),
        ("output_dir = \"/x\"\nprovince_budget = \"soon\"\n", "recon.toml:11"),
        ("province_budget = 0\n", "recon.toml:10"),
        ("paralel = 2\n", "did you mean \"parallel\""),
    ])
    func refusals(_ text: String, _ expected: String) {
        do {
            _ = try Self.load(text)
            Issue.record("expected a refusal containing \(expected)")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
        }
    }
}
