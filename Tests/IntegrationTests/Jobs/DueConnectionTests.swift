import Foundation
import Logging
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// Issue 17: each province's step gets a healthy ministry connection, and any `recon due` —
/// a tracking-only one too — reaps runs a killed session left 'running'.
@Suite("recon due: healthy connections, stale runs reaped", .serialized)
struct DueConnectionTests {
    /// Terminates the sessions named `application` on database `database` and waits until they are gone.
    static func terminate(application: String, database: String, from admin: Connection) throws -> Int {
        let killed = try admin.execute("""
            SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) AS n FROM pg_stat_activity
            WHERE application_name = $1 AND datname = $2
            """, [application, database]).singleRow().int("n")
        for _ in 0..<500 {
            let left = try admin.execute("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = $2",
                                         [application, database]).singleRow().int("n")
            if left == 0 { break }
            usleep(10_000)
        }
        return killed
    }

    @Test func aLostMinistryConnectionIsReplacedForTheNextProvince() throws {
        let fixture = try DueFixture(codes: ["410000", "420000"])
        let results = try fixture.results.connect(applicationName: "recon due")
        let plan = try DuePlanner.plan(date: BeijingTime.civilDate(of: DueFixture.insideWindow), calendar: .builtIn, policy: fixture.policy)
        let runner = DueRunner(config: fixture.config, environment: [:], results: results, calendar: .builtIn, policy: fixture.policy,
                               logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), pretendNow: DueFixture.insideWindow)
        let first = runner.run(plan)
        let firstTracks = first.filter { $0.step == "track" }
        #expect(firstTracks.count == 2 && firstTracks.allSatisfy { $0.status == .done }, "\(first)")

        // The ministry's server ends the session the runner keeps for tracking.
        let admin = try fixture.ministry.connect()
        #expect(try Self.terminate(application: "recon due ministry", database: fixture.ministry.name, from: admin) == 1)

        let second = runner.run(plan)
        let secondTracks = second.filter { $0.step == "track" }
        #expect(secondTracks.count == 2 && secondTracks.allSatisfy { $0.status != .failed }, "\(second)")
        #expect(ExitCodes.of(second) == ExitCodes.success, "\(second)")
    }

    @Test func aTrackingOnlyDueReapsARunWhoseSessionEnded() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 50)
        let dead = try fixture.results.connect(applicationName: "recon killed")
        let id = try RunStore(connection: dead).begin(provinceCode: "410000", provinceName: "河南省",
                                                      recordSets: ["vehicles"], configHash: "drill")
        let admin = try fixture.results.connect()
        #expect(try Self.terminate(application: "recon killed", database: fixture.results.name, from: admin) == 1)
        #expect(try admin.execute("SELECT status FROM recon.runs WHERE id = $1", [String(id)]).singleRow().string("status") == "running")

        // 2026-07-20 is after the 2026Q3 window: tracking only, no reconciliation.
        let outsideWindow = try BeijingTime.parseTimestamp("2026-07-20T09:00:00+08:00")
        let outcomes = try fixture.due(at: outsideWindow)
        #expect(!outcomes.contains { $0.step == "reconcile" }, "\(outcomes)")
        let row = try admin.execute("SELECT status, error FROM recon.runs WHERE id = $1", [String(id)]).singleRow()
        #expect(try row.string("status") == "failed")
        #expect(try row.string("error").contains("interrupted"))
        withExtendedLifetime(dead) {}
    }
}
