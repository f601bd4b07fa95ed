import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

@Suite("recon due: locks, idempotence, failures", .serialized)
struct DueRunnerTests {
    @Test func secondRunDoesTheWorkOnce() throws {
        let fixture = try DueFixture()
        let first = try fixture.due()
        #expect(first.filter { $0.step == "reconcile" }.allSatisfy { $0.status == .done }, "\(first)")
        #expect(ExitCodes.of(first) == ExitCodes.success)
        let second = try fixture.due()
        #expect(second.filter { $0.step == "reconcile" }.allSatisfy { $0.status == .skipped }, "\(second)")
        #expect(ExitCodes.of(second) == ExitCodes.success)
        #expect(try fixture.runCounts() == Dictionary(uniqueKeysWithValues: fixture.codes.map { ($0, ["completed": 1]) }))
        #expect(try fixture.listCounts() == Dictionary(uniqueKeysWithValues: fixture.codes.map { ($0, 1) }))
    }

    @Test func heldLockIsReportedWithItsHolderAndExit75() throws {
        let fixture = try DueFixture(codes: ["410000", "420000"])
        let other = try fixture.results.connect(applicationName: "recon due on host-b")
        #expect(try other.tryAdvisoryLock("recon.due.reconcile.410000"))
        let outcomes = try fixture.due()
        let held = try #require(outcomes.first { $0.step == "reconcile" && $0.province == "410000" })
        #expect(held.status == .held)
        #expect(held.detail.contains("recon due on host-b"))
        #expect(outcomes.first { $0.step == "reconcile" && $0.province == "420000" }?.status == .done)
        #expect(ExitCodes.of(outcomes) == ExitCodes.lockHeld)
        #expect(try fixture.runCounts() == ["420000": ["completed": 1]])
    }

    @Test func twoConcurrentCopiesDoEachProvinceExactlyOnce() throws {
        let fixture = try DueFixture(codes: ["410000", "420000", "430000", "440000"], rows: 800)
        let box = OutcomeBox()
        let group = DispatchGroup()
        for label in ["recon due A", "recon due B"] {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do { box.add(try fixture.due(label: label)) } catch { box.fail("\(error)") }
            }
        }
        group.wait()
        #expect(box.errors.isEmpty, "\(box.errors)")
        #expect(try fixture.runCounts() == Dictionary(uniqueKeysWithValues: fixture.codes.map { ($0, ["completed": 1]) }))
        #expect(try fixture.listCounts() == Dictionary(uniqueKeysWithValues: fixture.codes.map { ($0, 1) }))
        // Every province was reconciled by exactly one of the two; the other skipped or found it held.
        let done = box.outcomes.filter { $0.step == "reconcile" && $0.status == .done }.compactMap(\.province)
        #expect(done.sorted() == fixture.codes.sorted())
    }

    @Test func provinceWhoseDatabaseIsDownFailsAlone() throws {
        var fixture = try DueFixture(codes: ["410000", "420000"])
        let secret = "Not-The-Password-42"
        let base = try TestDatabase.serverDSN()
        let broken = TestDatabase.replacingDatabase(in: base, with: "no_such_registry")
            .replacingOccurrences(of: "://recon@", with: "://recon:\(secret)@")
        fixture.config.provinces[1].source = DatabaseSource(dsn: broken, origin: "test 420000")
        let outcomes = try fixture.due()
        let failed = try #require(outcomes.first { $0.step == "reconcile" && $0.province == "420000" })
        #expect(failed.status == .failed)
        #expect(failed.detail.contains("no_such_registry"), "\(failed.detail)")
        #expect(!failed.detail.contains(secret))
        #expect(outcomes.first { $0.step == "reconcile" && $0.province == "410000" }?.status == .done)
        #expect(ExitCodes.of(outcomes) == ExitCodes.failure)
        // The next day inside the window retries it (here: once the database is back).
        fixture.config.provinces[1].source = DatabaseSource(dsn: fixture.provinces["420000"]!.dsn, origin: "test 420000")
        let retry = try fixture.due(at: try BeijingTime.parseTimestamp("2026-07-03T09:00:00+08:00"))
        #expect(retry.first { $0.step == "reconcile" && $0.province == "420000" }?.status == .done)
        #expect(try fixture.listCounts() == ["410000": 1, "420000": 1])
    }

    @Test func sigkillDuringReconcileLeavesNothingAndTheRerunFinishes() throws {
        let fixture = try DueFixture(codes: ["410000"], rows: 40_000)
        let binary = try DueFixture.reconBinary()
        let config = try fixture.writeConfig()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["due", "--config", config, "--now", "2026-07-02T09:00:00+08:00"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let watcher = try fixture.results.connect()
        var sawRunning = false
        for _ in 0..<3_000 where !sawRunning {
            let exists = try watcher.execute("SELECT to_regclass('recon.runs') IS NOT NULL AS ok").singleRow().bool("ok")
            if exists, try watcher.execute("SELECT count(*) AS n FROM recon.runs WHERE status = 'running'").singleRow().int("n") > 0 {
                sawRunning = true
            } else {
                usleep(5_000)
            }
        }
        #expect(sawRunning, "the child never started a run")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        // Nothing but the run row is left: no differences, no list.
        #expect(try watcher.execute("SELECT count(*) AS n FROM recon.differences").singleRow().int("n") == 0)
        #expect(try fixture.listCounts().isEmpty)
        // The next recon due reaps the dead run and does the work once.
        usleep(200_000)  // let the server notice the closed sessions and free their locks
        let outcomes = try fixture.due()
        #expect(outcomes.first { $0.step == "reconcile" }?.status == .done, "\(outcomes)")
        #expect(try fixture.runCounts() == ["410000": ["completed": 1, "failed": 1]])
        #expect(try fixture.listCounts() == ["410000": 1])
    }
}

/// Outcomes gathered from several threads.
final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var outcomes: [DueOutcome] = []
    private(set) var errors: [String] = []
    func add(_ more: [DueOutcome]) { lock.lock(); outcomes += more; lock.unlock() }
    func fail(_ message: String) { lock.lock(); errors.append(message); lock.unlock() }
}
