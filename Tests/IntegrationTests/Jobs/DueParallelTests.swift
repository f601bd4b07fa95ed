import Foundation
import Logging
import PostgresClient
@testable import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// issue 24 item 4: provinces at once inside one `recon due`, biggest first; copies on several hosts
/// share the work and both exit 0 once everything due is done by either.
@Suite("recon due: parallel provinces, copies that share", .serialized)
struct DueParallelTests {
    /// Runs the fixture's plan with `settings` on a runner that may open worker connections.
    static func due(_ fixture: DueFixture, settings: DueSettings, label: String = "recon due") throws -> [DueOutcome] {
        let connection = try fixture.results.connect(applicationName: label)
        let plan = try DuePlanner.plan(date: BeijingTime.civilDate(of: DueFixture.insideWindow), calendar: .builtIn, policy: fixture.policy)
        let runner = DueRunner(config: fixture.config, environment: [:], results: connection, calendar: .builtIn, policy: fixture.policy,
                               logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), pretendNow: DueFixture.insideWindow)
        runner.settings = settings
        let dsn = fixture.results.dsn
        runner.openResults = { try Connection(conninfo: dsn, applicationName: label) }
        return runner.run(plan)
    }

    @Test func threeWorkersDoEveryProvinceOnceOnConnectionsOfTheirOwn() throws {
        let fixture = try DueFixture(codes: ["410000", "420000", "430000", "440000"], rows: 500)
        var settings = DueSettings()
        settings.jobs = 3
        let watcher = try fixture.results.connect()
        let outcomes = try Self.due(fixture, settings: settings)
        #expect(outcomes.filter { $0.step == "reconcile" }.map(\.province) == fixture.codes.map(Optional.some), "configuration order")
        #expect(outcomes.filter { $0.step == "reconcile" }.allSatisfy { $0.status == .done }, "\(outcomes)")
        #expect(outcomes.filter { $0.step == "track" }.count == 4)
        #expect(ExitCodes.of(outcomes) == ExitCodes.success)
        #expect(try fixture.runCounts() == Dictionary(uniqueKeysWithValues: fixture.codes.map { ($0, ["completed": 1]) }))
        #expect(try fixture.listCounts() == Dictionary(uniqueKeysWithValues: fixture.codes.map { ($0, 1) }))
        // The runs overlapped in time: at least two were running at once.
        let overlaps = try watcher.execute("""
            SELECT count(*) AS n FROM recon.runs a JOIN recon.runs b ON a.id < b.id
            WHERE a.started_at < b.finished_at AND b.started_at < a.finished_at
            """).singleRow().int("n")
        #expect(overlaps > 0, "no two runs overlapped with 3 workers")
    }

    @Test func biggestProvincesGoFirst() throws {
        let fixture = try DueFixture(codes: ["410000", "420000", "430000"], rows: 300)
        let results = try fixture.results.connect()
        let runner = DueRunner(config: fixture.config, environment: [:], results: results, calendar: .builtIn, policy: fixture.policy,
                               logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        #expect(runner.biggestFirstCodes() == ["410000", "420000", "430000"], "never run: the configuration's order")
        _ = try fixture.due()
        try results.executeSimple("""
            UPDATE recon.runs SET union_keys = CASE province_code WHEN '410000' THEN 10 WHEN '420000' THEN 3000 ELSE 200 END
            """)
        #expect(runner.biggestFirstCodes() == ["420000", "430000", "410000"])
    }

    /// Work held by another copy is waited for: released in time, it is looked at again (and done
    /// here, the other copy having done nothing); still held at the end of the wait, it is 75.
    @Test func heldWorkIsWaitedForThen75OnlyWhileStillHeld() throws {
        let fixture = try DueFixture(codes: ["410000", "420000"])
        let other = try fixture.results.connect(applicationName: "recon due on host-b")
        #expect(try other.tryAdvisoryLock("recon.due.reconcile.410000"))
        var settings = DueSettings()
        settings.heldWait = 1
        let still = try Self.due(fixture, settings: settings)
        #expect(still.first { $0.step == "reconcile" && $0.province == "410000" }?.status == .held, "\(still)")
        #expect(still.first { $0.province == "410000" && $0.step == "reconcile" }?.detail.contains("after waiting") == true)
        #expect(ExitCodes.of(still) == ExitCodes.lockHeld)
        // Host B lets go two seconds into the wait: this copy then does the work and exits 0.
        settings.heldWait = 60
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) { _ = try? other.advisoryUnlock("recon.due.reconcile.410000") }
        let waited = try Self.due(fixture, settings: settings)
        #expect(waited.first { $0.step == "reconcile" && $0.province == "410000" }?.status == .done, "\(waited)")
        #expect(ExitCodes.of(waited) == ExitCodes.success)
        #expect(try fixture.runCounts() == ["410000": ["completed": 1], "420000": ["completed": 1]])
    }

    /// Two `recon due` processes started together on a window day: both exit 0 and each province
    /// is reconciled exactly once (the second copy waits for the first's locks, then finds the work done).
    @Test func twoCopiesStartedTogetherBothExit0() throws {
        let fixture = try DueFixture(codes: ["410000", "420000", "430000", "440000"], rows: 2_000)
        let config = try fixture.writeConfig()
        let binary = try DueFixture.reconBinary()
        var processes: [(Process, URL)] = []
        for copy in ["a", "b"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["due", "--config", config, "--now", "2026-07-02T09:00:00+08:00", "--jobs", "2"]
            process.environment = ["PATH": "/usr/bin:/bin", "TZ": "UTC"]
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("due-copy-\(copy)-\(UUID().uuidString).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: log)
            process.standardError = try FileHandle(forWritingTo: log)
            processes.append((process, log))
        }
        for (process, _) in processes { try process.run() }
        for (process, _) in processes { process.waitUntilExit() }
        for (process, log) in processes {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            print("copy pid \(process.processIdentifier): exit \(process.terminationStatus)\n\(text)")
            #expect(process.terminationStatus == 0, "\(text)")
        }
        #expect(try fixture.runCounts() == Dictionary(uniqueKeysWithValues: fixture.codes.map { ($0, ["completed": 1]) }))
        #expect(try fixture.listCounts() == Dictionary(uniqueKeysWithValues: fixture.codes.map { ($0, 1) }))
    }
}

extension DueRunner {
    /// The provinces' codes in the order a pass starts them.
    func biggestFirstCodes() -> [String] { biggestFirst(config.provinces).map(\.code) }
}
