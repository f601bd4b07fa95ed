import Foundation
import Testing
import PostgresClient
import ReconTestSupport
@testable import ReconKit
@testable import ReconRules
@testable import ReconSample

/// issue 5: "a run that fails or is killed leaves nothing behind but a run row marked failed".
@Suite("Interrupted runs leave no differences")
struct InterruptedRunTests {
    typealias E = ReconcileEndToEndTests

    func loadMany(_ dbs: DiffDatabases, count: Int) throws {
        // Every key differs (ministry-only and province-only alternate), so differences flow at once.
        try dbs.loadMinistry("vehicles", columns: E.columns, rows: (0..<count).map { E.v("豫A\(100000 + 2 * $0)", "2") })
        try dbs.loadProvince("vehicles", columns: E.columns, rows: (0..<count).map { E.v("豫A\(100000 + 2 * $0 + 1)", "2") })
    }

    @Test("the results write failing half-way rolls back every difference and marks the run failed")
    func resultsWriteFails() throws {
        let dbs = try DiffDatabases("int_write")
        try loadMany(dbs, count: 500)
        // Make the 300th difference of any run fail to store (a row trigger fires during COPY).
        try dbs.results.connect().executeSimple("""
            CREATE FUNCTION pg_temp_fail() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.seq = 300 THEN RAISE EXCEPTION 'disk full (simulated) at seq %', NEW.seq; END IF; RETURN NEW; END $$;
            CREATE TRIGGER fail_half_way BEFORE INSERT ON recon.differences FOR EACH ROW EXECUTE FUNCTION pg_temp_fail();
            """)
        var failure: RunFailure? = nil
        do {
            _ = try Reconciler(sources: dbs.sources, provinceCode: "410000", provinceName: "河南省",
                               recordSets: [.operators, .vehicles], options: DiffDatabases.options).run()
        } catch let error as RunFailure {
            failure = error
        }
        let runID = try #require(failure?.runID)
        let (status, message) = try dbs.runStatus(runID)
        #expect(status == "failed")
        #expect(message?.contains("disk full (simulated) at seq 300") == true)
        let stored = try dbs.storedCounts(runID)
        #expect(stored.differences == 0 && stored.runSets == 0)
        // The databases are left usable: a later run completes.
        try dbs.results.connect().executeSimple("DROP TRIGGER fail_half_way ON recon.differences")
        let outcome = try Reconciler(sources: dbs.sources, provinceCode: "410000", provinceName: "河南省",
                                     recordSets: [.vehicles], options: DiffDatabases.options).run()
        #expect(outcome.totals.differingKeys == 1000)
        #expect(try dbs.storedCounts(outcome.runID).differences == 1000)
    }

    @Test("a sink that throws half-way stops both readers and the connections stay usable")
    func sinkThrows() throws {
        let dbs = try DiffDatabases("int_sink")
        try loadMany(dbs, count: 400)
        final class ThrowingSink: DifferenceSink {
            var seen = 0
            func accept(_ difference: Difference) throws {
                seen += 1
                if seen == 50 { throw DiffError.readFailed(side: .ministry, message: "sink full (test)") }
            }
        }
        let ministry = try dbs.ministry.connect(), province = try dbs.province.connect()
        #expect(throws: DiffError.readFailed(side: .ministry, message: "sink full (test)")) {
            _ = try Reconciler.diff(.vehicles, provinceCode: "410000", ministry: DiffSource(connection: ministry),
                                    province: DiffSource(connection: province), sink: ThrowingSink(), options: DiffDatabases.options)
        }
        #expect(try ministry.execute("SELECT 1 AS one").singleRow()["one"] == "1")
        #expect(try province.execute("SELECT 1 AS one").singleRow()["one"] == "1")
    }

    @Test("the province's connection killed mid-run (pg_terminate_backend): no differences, run failed")
    func provinceConnectionKilled() throws {
        let dbs = try DiffDatabases("int_kill")
        try loadMany(dbs, count: 50)
        // The province's table is a view that first sleeps, so the read is surely in progress when killed.
        try dbs.province.connect().executeSimple("""
            CREATE VIEW slow_vehicles AS SELECT v.* FROM vehicles v, (SELECT pg_sleep(60)) s
            """)
        var spec = RecordSetSpec.vehicles
        spec.provinceTable = "slow_vehicles"
        let provinceDSN = dbs.province.dsn
        let killer = Thread {
            guard let admin = try? Connection(conninfo: provinceDSN, applicationName: "recon tests killer") else { return }
            for _ in 0..<600 {
                let killed = (try? admin.execute("""
                    SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
                    WHERE datname = current_database() AND application_name LIKE 'recon reconcile % province'
                      AND query LIKE 'COPY%' AND state = 'active'
                    """).singleRow().int("n")) ?? 0
                if killed > 0 { return }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        killer.start()
        var failure: RunFailure? = nil
        do {
            _ = try Reconciler(sources: dbs.sources, provinceCode: "410000", provinceName: "河南省",
                               recordSets: [spec], options: DiffDatabases.options).run()
        } catch let error as RunFailure {
            failure = error
        }
        let runID = try #require(failure?.runID)
        let (status, message) = try dbs.runStatus(runID)
        #expect(status == "failed")
        #expect(message?.contains("province (省)") == true)
        #expect(try dbs.storedCounts(runID) == (0, 0))
    }

    @Test("a side failing while the other's server is still busy: the busy statement is cancelled, the run fails")
    func otherSideCancelled() throws {
        let dbs = try DiffDatabases("int_cancel")
        try loadMany(dbs, count: 20)
        // The ministry's read sits in the server for two minutes unless cancelled; the province's fails at once.
        try dbs.ministry.connect().executeSimple("""
            CREATE VIEW slow_vehicles AS SELECT v.* FROM vehicles v, (SELECT pg_sleep(120)) s
            """)
        try dbs.province.connect().executeSimple("""
            CREATE VIEW broken_vehicles AS SELECT v.* FROM vehicles v WHERE 1 / (v.row_id - v.row_id) = 1
            """)
        var spec = RecordSetSpec.vehicles
        spec.ministryTable = "slow_vehicles"
        spec.provinceTable = "broken_vehicles"
        var failure: RunFailure? = nil
        do {
            _ = try Reconciler(sources: dbs.sources, provinceCode: "410000", provinceName: "河南省",
                               recordSets: [spec], options: DiffDatabases.options).run()
        } catch let error as RunFailure {
            failure = error
        }
        let runID = try #require(failure?.runID)
        let (status, message) = try dbs.runStatus(runID)
        #expect(status == "failed")
        #expect(message?.contains("division by zero") == true)
        #expect(try dbs.storedCounts(runID) == (0, 0))
        // Nothing of the run is still running at the ministry.
        let busy = try dbs.ministry.connect().execute("""
            SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()
              AND application_name LIKE 'recon reconcile%' AND state = 'active'
            """).singleRow()
        #expect(busy["n"] == "0")
    }

    @Test("a run whose session died is reaped as failed; a live one is left alone")
    func reapStaleRuns() throws {
        let dbs = try DiffDatabases("int_reap")
        var dead: Connection? = try dbs.results.connect()
        let deadRun = try RunStore(connection: dead!).begin(provinceCode: "410000", provinceName: "河南省",
                                                             recordSets: ["vehicles"], configHash: "x")
        let live = try dbs.results.connect()
        let liveRun = try RunStore(connection: live).begin(provinceCode: "420000", provinceName: "湖北省",
                                                            recordSets: ["vehicles"], configHash: "x")
        dead = nil  // the session ends, as when the process is killed
        _ = dead
        let reaper = RunStore(connection: try dbs.results.connect())
        var reaped: [Int64] = []
        for _ in 0..<100 {  // the server notices the closed session asynchronously
            reaped = try reaper.reapStaleRuns()
            if !reaped.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(reaped == [deadRun])
        #expect(try dbs.runStatus(deadRun).0 == "failed")
        #expect(try dbs.runStatus(liveRun).0 == "running")
        #expect(try reaper.reapStaleRuns().isEmpty)
    }
}
