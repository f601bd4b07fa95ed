import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

@Suite("Scoring killed half-way", .serialized)
struct ScoringKillTests {
    /// `recon score --store` (the draft transition) blocked inside its transaction (another session
    /// holds recon.scores) is killed with SIGKILL: nothing is stored, and the next draft stores
    /// version 1 once.
    @Test func sigkillDuringTheDraftStoresNothingAndTheNextDraftStoresOnce() throws {
        let fixture = try DueFixture(codes: ["410000"])
        _ = try fixture.due()
        let results = try fixture.results.connect()
        let quarter = try Quarter.parse("2026Q3")
        // 2026Q3's results are due 2026-10-20 (第八条); the list's deadline passed in July.
        let resultsDay = "2026-10-20T09:00:00+08:00"

        let blocker = try fixture.results.connect(applicationName: "test blocker")
        try blocker.executeSimple("BEGIN; LOCK TABLE recon.scores IN ACCESS EXCLUSIVE MODE")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try DueFixture.reconBinary())
        process.arguments = ["score", "--quarter", "2026Q3", "--store", "--now", resultsDay, "--config", try fixture.writeConfig()]
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
        #expect(blocked, "the child never reached the draft's transaction")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try blocker.executeSimple("ROLLBACK")
        usleep(200_000)

        #expect(try results.execute("SELECT count(*) AS n FROM recon.scorings").singleRow().int("n") == 0)
        #expect(try results.execute("SELECT count(*) AS n FROM recon.scores").singleRow().int("n") == 0)

        let lifecycle = QuarterLifecycle(results: results, calendar: .builtIn)
        let now = try BeijingTime.parseTimestamp(resultsDay)
        let compute = { try QuarterScoring.compute(config: fixture.config, results: results, quarter: quarter, policyName: nil, environment: [:]) }
        let version = try lifecycle.draft(quarter, at: now, firstQuarter: quarter, by: "test", compute: compute)
        #expect(version.version == 1)
        #expect(throws: LifecycleError.self) { try lifecycle.draft(quarter, at: now, firstQuarter: quarter, by: "test", compute: compute) }
        #expect(try results.execute("SELECT count(*) AS n FROM recon.scorings").singleRow().int("n") == 1)
    }
}
