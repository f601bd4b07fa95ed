import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

@Suite("Scoring killed half-way", .serialized)
struct ScoringKillTests {
    /// A `recon score` blocked inside its transaction (another session holds recon.scores) is
    /// killed with SIGKILL: the previous scoring stays whole, and the next scoring replaces it once.
    @Test func sigkillDuringScoringKeepsThePreviousScoring() throws {
        let fixture = try DueFixture(codes: ["410000"])
        _ = try fixture.due()
        let results = try fixture.results.connect()
        let quarter = try Quarter.parse("2026Q3")
        let first = try QuarterScoring.run(config: fixture.config, results: results, quarter: quarter, policyName: nil, environment: [:])
        let firstID = try results.execute("SELECT id FROM recon.scorings").singleRow().int("id")

        let blocker = try fixture.results.connect(applicationName: "test blocker")
        try blocker.executeSimple("BEGIN; LOCK TABLE recon.scores IN ACCESS EXCLUSIVE MODE")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try DueFixture.reconBinary())
        process.arguments = ["score", "--quarter", "2026Q3", "--config", try fixture.writeConfig()]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var blocked = false
        for _ in 0..<2_000 where !blocked {
            blocked = try results.execute("""
                SELECT count(*) AS n FROM pg_stat_activity
                WHERE application_name = 'recon score' AND wait_event_type = 'Lock'
                """).singleRow().int("n") > 0
            if !blocked { usleep(10_000) }
        }
        #expect(blocked, "the child never reached the scoring transaction")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try blocker.executeSimple("ROLLBACK")
        usleep(200_000)

        let scorings = try results.execute("SELECT id FROM recon.scorings").rows
        #expect(try scorings.map { try $0.int("id") } == [firstID])
        #expect(try results.execute("SELECT count(*) AS n FROM recon.scores").singleRow().int("n") == 3)

        // Scoring again replaces it, once.
        let second = try QuarterScoring.run(config: fixture.config, results: results, quarter: quarter, policyName: nil, environment: [:])
        #expect(second.provinces == first.provinces)
        let after = try results.execute("SELECT id FROM recon.scorings").rows
        #expect(after.count == 1)
        #expect(try after[0].int("id") != firstID)
    }
}
