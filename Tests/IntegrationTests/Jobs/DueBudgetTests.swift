import Foundation
import Logging
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// issue 24 item 5: a province whose database stalls (its tables locked by another session) fails
/// alone once over its time budget, named; the others finish.
@Suite("recon due: a stalled province fails alone", .serialized)
struct DueBudgetTests {
    /// Opens a transaction on `database` holding ACCESS EXCLUSIVE locks on every table of its own
    /// schemas: every read of them waits until the returned connection is closed.
    static func lockEveryTable(_ database: TestDatabase) throws -> Connection {
        let holder = try database.connect(applicationName: "stall")
        let tables = try holder.execute("""
            SELECT format('%I.%I', schemaname, tablename) AS t FROM pg_tables
            WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
            """).rows.map { try $0.string("t") }
        #expect(!tables.isEmpty)
        try holder.executeSimple("BEGIN; LOCK TABLE \(tables.joined(separator: ", ")) IN ACCESS EXCLUSIVE MODE")
        return holder
    }

    @Test(arguments: [1, 2])
    func stalledProvinceIsCancelledAtItsBudgetAndTheOthersFinish(jobs: Int) throws {
        let fixture = try DueFixture(codes: ["410000", "420000", "430000"])
        let holder = try Self.lockEveryTable(fixture.provinces["420000"]!)
        let logs = LogBox()
        let connection = try fixture.results.connect()
        let plan = try DuePlanner.plan(date: BeijingTime.civilDate(of: DueFixture.insideWindow), calendar: .builtIn, policy: fixture.policy)
        let runner = DueRunner(config: fixture.config, environment: [:], results: connection, calendar: .builtIn, policy: fixture.policy,
                               logger: Logger(label: "test", factory: { _ in LogBoxHandler(box: logs) }), pretendNow: DueFixture.insideWindow)
        runner.settings.provinceBudget = 3
        runner.settings.jobs = jobs
        let dsn = fixture.results.dsn
        runner.openResults = { try Connection(conninfo: dsn, applicationName: "recon due") }
        let started = Date()
        let outcomes = runner.run(plan)
        let seconds = Date().timeIntervalSince(started)
        print("jobs \(jobs): \(String(format: "%.1f", seconds)) s\n" + outcomes.map(\.description).joined(separator: "\n"))
        let stalled = try #require(outcomes.first { $0.step == "reconcile" && $0.province == "420000" })
        #expect(stalled.status == .failed)
        #expect(stalled.detail.contains("over its time budget of 3 s"), "\(stalled)")
        #expect(logs.lines.contains { $0.level == .error && $0.message.contains("province 420000 湖北省") && $0.message.contains("time budget") },
                "\(logs.lines)")
        for code in ["410000", "430000"] {
            #expect(outcomes.first { $0.step == "reconcile" && $0.province == code }?.status == .done, "\(outcomes)")
        }
        #expect(ExitCodes.of(outcomes) == ExitCodes.failure)
        #expect(seconds < 60, "the stall was not cut short: \(seconds) s")
        // The failed run is recorded as failed, not left running; the others completed.
        let counts = try fixture.runCounts()
        #expect(counts["410000"] == ["completed": 1] && counts["430000"] == ["completed": 1], "\(counts)")
        #expect(counts["420000"]?["completed"] == nil, "\(counts)")
        try holder.executeSimple("ROLLBACK")
    }
}
