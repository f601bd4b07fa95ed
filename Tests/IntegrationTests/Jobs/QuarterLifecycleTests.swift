import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

/// A whole quarter through `recon due` with a pretend clock, from installation in mid-quarter to
/// publication (docs/rules.md, "The quarter's lifecycle"), with the database's invariants checked
/// after every step. 2026Q3 is served by the window in the month after it (docs/rules.md, "The
/// window"): reconciled in October 2026 (Oct 1–7 off, working days 8, 9, 10, 12, 13), results on
/// 2026-10-20:
/// - 410000 goes the normal way (and its re-uploads are tracked);
/// - 420000 fails every window day, then its only run finishes after the window's 24:00;
/// - 430000's lock session is terminated while it commits, and a second copy reconciles it;
/// - 440000's `recon due` is killed (SIGKILL) while it inserts the official list.
/// Kills at the other transitions: the reconcile commit (`DueRunnerTests`), the draft
/// (`ScoringKillTests`); the publication is killed here.
@Suite("The quarter as one lifecycle, through recon due", .serialized)
struct QuarterLifecycleTests {
    static func t(_ text: String) throws -> Date { try BeijingTime.parseTimestamp(text) }

    @Test func aWholeQuarterFromInstallationToPublication() throws {
        let fixture = try DueFixture(codes: ["410000", "420000", "430000", "440000"])
        fixture.policy = .default
        let results = try fixture.results.connect(applicationName: "test watcher")
        let invariants = Invariants(results: results)
        let q3 = try Quarter.parse("2026Q3")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("recon-lifecycle-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let notAFolder = out + "/not-a-folder"
        try Data("x".utf8).write(to: URL(fileURLWithPath: notAFolder))
        fixture.config.outputDirectory = notAFolder   // exports fail until the folder is fixed
        let logs = LogBox()

        // 1. Installed on 2026-09-15 (mid-Q3): Q2's results date has passed, but recon never saw Q2.
        var outcomes = try fixture.due(at: try Self.t("2026-09-15T09:00:00+08:00"))
        #expect(outcomes.first { $0.step == "score" }?.detail.contains("no run yet") == true, "\(outcomes)")
        try invariants.check("installation")
        #expect(try invariants.count("recon.scorings") == 0)

        // 2. 440000's recon due is killed while it inserts the official list.
        let good420 = fixture.config.provinces[1].source
        fixture.config.provinces[1].source = DatabaseSource(
            dsn: TestDatabase.replacingDatabase(in: try TestDatabase.serverDSN(), with: "no_such_registry"), origin: "test 420000")
        try killDuringListInsert(fixture: fixture, province: "440000", at: "2026-10-08T09:00:00+08:00", results: results)
        #expect(try OfficialRun.find(province: "440000", quarter: q3, on: results) != nil)
        #expect(try invariants.count("recon.lists") == 0)
        try invariants.check("after the kill at the list insert")

        // 3. Window day 1 (the first working day of October). 430000: while copy A commits, A's lock session is terminated and copy B
        //    reconciles it in full; A's commit then finds B's official run and rolls back.
        let terminated = Flag()
        outcomes = try fixture.due(at: try Self.t("2026-10-08T09:05:00+08:00"), label: "recon due A") { province in
            guard province == "430000", terminated.setOnce() else { return }
            let killer = try? fixture.results.connect(applicationName: "test killer")
            _ = try? killer?.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'recon due A'")
            let b = (try? fixture.due(at: try! Self.t("2026-10-08T09:06:00+08:00"), label: "recon due B")) ?? []
            #expect(b.first { $0.step == "reconcile" && $0.province == "430000" }?.status == .done, "\(b.map(\.description))")
        }
        #expect(terminated.isSet)
        #expect(outcomes.first { $0.step == "reconcile" && $0.province == "410000" }?.status == .done, "\(outcomes.map(\.description))")
        #expect(outcomes.first { $0.step == "reconcile" && $0.province == "420000" }?.status == .failed)
        let a430 = try #require(outcomes.first { $0.step == "reconcile" && $0.province == "430000" })
        #expect(a430.status == .skipped && a430.detail.contains("already the official run"), "\(a430)")
        try invariants.check("window day 1")
        #expect(try invariants.completedRunsInsideWindow(province: "430000") == 1)
        // The killed 440000 got its list from the next pass.
        #expect(try invariants.officialLists(quarter: q3).sorted() == ["410000", "430000", "440000"])

        // 4. 410000 re-uploads some of its vehicles on day 2; tracking sees them. 420000 keeps failing.
        let reuploaded = try reupload(fixture: fixture, province: "410000", at: "2026-10-09 10:00:00+08", results: results)
        #expect(reuploaded > 0)
        for day in ["2026-10-09", "2026-10-10", "2026-10-12"] {
            outcomes = try fixture.due(at: try Self.t("\(day)T09:00:00+08:00"))
            #expect(outcomes.first { $0.step == "reconcile" && $0.province == "420000" }?.status == .failed)
            #expect(ExitCodes.of(outcomes) == ExitCodes.failure)
            try invariants.check("window \(day)")
        }

        // 5. The last window day, 23:59:59.999: 420000's database is back, but its run finishes after
        //    24:00 — a warning, exit 1, and no official run.
        fixture.config.provinces[1].source = good420
        logs.clear()
        outcomes = try fixture.due(at: try Self.t("2026-10-13T23:59:59.999+08:00"), logs: logs)
        let late = try #require(outcomes.first { $0.step == "reconcile" && $0.province == "420000" })
        #expect(late.status == .failed && late.detail.contains("NOT official"), "\(late)")
        #expect(logs.lines.contains { $0.level == .warning && $0.message.contains("420000") && $0.message.contains("NOT official") })
        #expect(try OfficialRun.find(province: "420000", quarter: q3, on: results) == nil)
        try invariants.check("last window day")

        // 6. After the window, every recon due names 420000; the output folder is still a file: the
        //    files step fails. Then the folder is fixed, a stale .partial is left in it, and the next
        //    recon due writes every missing list file and removes the .partial.
        logs.clear()
        outcomes = try fixture.due(at: try Self.t("2026-10-14T09:00:00+08:00"), logs: logs)
        #expect(logs.lines.contains { $0.level == .warning && $0.message.contains("420000") && $0.message.contains("NO official run") })
        #expect(!logs.lines.contains { $0.message.contains("410000") && $0.message.contains("NO official run") })
        #expect(outcomes.first { $0.step == "files" }?.status == .failed)
        fixture.config.outputDirectory = out + "/files"
        try FileManager.default.createDirectory(atPath: out + "/files", withIntermediateDirectories: true)
        try Data("half".utf8).write(to: URL(fileURLWithPath: out + "/files/.整改清单_410000_2026Q3_1.xlsx.partial"))
        outcomes = try fixture.due(at: try Self.t("2026-10-15T09:00:00+08:00"))
        let files = try #require(outcomes.first { $0.step == "files" })
        #expect(files.status == .done && files.detail.contains("removed stale"), "\(files)")
        let listFiles = try FileManager.default.contentsOfDirectory(atPath: out + "/files").filter { $0.hasPrefix("整改清单_") }
        #expect(listFiles.count == 6, "\(listFiles)")
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: out + "/files")).contains { $0.hasSuffix(".partial") })

        // 7. The first run started on 2026-10-08, inside 2026Q3's window: the first quarter recon saw
        //    is 2026Q3 (not the quarter of the date), and Q2 is never scored. Q3 keeps the policy it
        //    was reconciled under.
        let policies = QuarterPolicies(configured: .default)
        let seen = try QuarterLifecycle(results: results, calendar: .builtIn).firstQuarter(configured: nil, policies: policies)
        #expect(seen == q3)
        let q2 = try QuarterLifecycle(results: results, calendar: .builtIn)
            .readiness(q3.previous, at: try Self.t("2026-10-15T09:00:00+08:00"), firstQuarter: seen)
        if case let .never(reason) = q2 { #expect(reason.contains("never scored")) } else { Issue.record("2026Q2: \(q2)") }
        #expect(try QuarterPolicies.stored(q3, on: results)?.name == "jtys-2022-1599")
        #expect(try invariants.count("recon.scorings") == 0)

        // 8. The day before Q3's results date nothing is drafted; on it (2026-10-20) the draft goes on notice.
        outcomes = try fixture.due(at: try Self.t("2026-10-19T09:00:00+08:00"))
        #expect(try invariants.count("recon.scorings") == 0)
        let early = try QuarterLifecycle(results: results, calendar: .builtIn)
            .readiness(q3, at: try Self.t("2026-10-19T09:00:00+08:00"), firstQuarter: q3)
        #expect(early == .waiting("2026Q3's results are due 2026-10-20 (第八条)"))
        outcomes = try fixture.due(at: try Self.t("2026-10-20T09:00:00+08:00"))
        #expect(outcomes.first { $0.step == "score" }?.status == .done, "\(outcomes)")
        let lifecycle = QuarterLifecycle(results: results, calendar: .builtIn)
        guard case let .onNotice(draft, noticeEnds) = try lifecycle.stage(q3) else { Issue.record("not on notice"); return }
        #expect(draft.version == 1 && noticeEnds.description == "2026-10-26")
        let henan = try #require(draft.scores.provinces.first { $0.provinceCode == "410000" })
        #expect((henan.rectificationRate.numerator ?? 0) > 0, "re-uploads counted: \(henan.rectificationRate)")
        let hubei = try #require(draft.scores.provinces.first { $0.provinceCode == "420000" })
        #expect(hubei.differenceRate.reasonCode == .windowMissed && hubei.rectificationRate.reasonCode == .windowMissed)
        #expect(FileManager.default.fileExists(atPath: out + "/files/评价结果_2026Q3_第1版_公示稿.xlsx"))
        try invariants.check("draft")

        // 9. Objections during the notice: one accepted with a correction, one rejected, one left open.
        let raisedAt = try Self.t("2026-10-21T10:00:00+08:00")
        let o1 = try lifecycle.raiseObjection(q3, province: "410000", indicator: .aggregationRate, text: "平台漏计了本省线下办件",
                                              by: "河南省运政", at: raisedAt)
        let o2 = try lifecycle.raiseObjection(q3, province: "430000", indicator: .rectificationRate, text: "整改已完成",
                                              by: "湖南省运政", at: raisedAt)
        let o3 = try lifecycle.raiseObjection(q3, province: "420000", indicator: .differenceRate, text: "系统故障",
                                              by: "湖北省运政", at: raisedAt)
        let (accepted, correction) = try lifecycle.accept(objection: o1.id, numerator: 190, denominator: 200,
                                                          reason: "核对平台线下办件后更正", by: "部级运政", at: try Self.t("2026-10-22T10:00:00+08:00"))
        #expect(accepted.status == .accepted && correction.version == 2)
        #expect(correction.scores.provinces.first { $0.provinceCode == "410000" }?.aggregationRate.score.description == "5.00")
        #expect(try lifecycle.reject(objection: o2.id, reason: "整改期外上传不计", by: "部级运政", at: try Self.t("2026-10-22T11:00:00+08:00")).status == .rejected)
        #expect(throws: LifecycleError.self) {
            try lifecycle.reject(objection: o2.id, reason: "again", by: "部级运政", at: try Self.t("2026-10-22T12:00:00+08:00"))
        }
        try invariants.check("objections")
        #expect(try invariants.count("recon.scorings") == 2)

        // 10. The last notice day: not yet published. The day after, an undecided objection holds it.
        outcomes = try fixture.due(at: try Self.t("2026-10-26T18:00:00+08:00"))
        #expect(outcomes.first { $0.step == "publish" }?.status == .skipped)
        #expect(throws: LifecycleError.self) {
            try lifecycle.raiseObjection(q3, province: "410000", indicator: .differenceRate, text: "too late",
                                         by: "河南省运政", at: try Self.t("2026-10-27T08:00:00+08:00"))
        }
        outcomes = try fixture.due(at: try Self.t("2026-10-27T09:00:00+08:00"))
        let held = try #require(outcomes.first { $0.step == "publish" })
        #expect(held.status == .failed && held.detail.contains("\(o3.id)"), "\(held)")
        _ = try lifecycle.reject(objection: o3.id, reason: "系统故障不属于可修正事项", by: "部级运政", at: try Self.t("2026-10-27T09:30:00+08:00"))

        // 11. recon due is killed while it publishes: nothing is published; the next pass publishes once.
        try killDuringPublication(fixture: fixture, at: "2026-10-27T10:00:00+08:00", results: results)
        #expect(try invariants.count("recon.publications") == 0)
        outcomes = try fixture.due(at: try Self.t("2026-10-27T11:00:00+08:00"))
        #expect(outcomes.first { $0.step == "publish" }?.status == .done, "\(outcomes)")
        guard case let .published(publication, published) = try lifecycle.stage(q3) else { Issue.record("not published"); return }
        #expect(published.version == 2 && publication.ranks.count == 4)
        #expect(publication.ranks.first { $0.provinceCode == "420000" }?.rank == 4)
        #expect(FileManager.default.fileExists(atPath: out + "/files/评价结果公布_2026Q3.xlsx"))
        let bulletin = try String(contentsOfFile: out + "/files/评价结果公布_2026Q3.csv", encoding: .utf8)
        #expect(bulletin.contains("核对平台线下办件后更正") && bulletin.contains("排名"))
        try invariants.check("publication")

        // 12. A published quarter is frozen: no draft, no second publication, no objection; the
        //     registries change and the published scores do not.
        #expect(throws: LifecycleError.self) {
            try lifecycle.draft(q3, at: try Self.t("2026-10-28T09:00:00+08:00"), firstQuarter: q3, by: "test") {
                try QuarterScoring.compute(config: fixture.config, results: results, quarter: q3, policyName: nil, environment: [:])
            }
        }
        #expect(throws: LifecycleError.self) { try lifecycle.publish(q3, by: "test", at: try Self.t("2026-10-28T09:00:00+08:00")) }
        let platform = try fixture.platform.connect()
        try platform.executeSimple("DELETE FROM business_records WHERE province_code = '430000'")
        outcomes = try fixture.due(at: try Self.t("2026-10-28T09:00:00+08:00"))
        #expect(outcomes.first { $0.step == "publish" }?.status == .skipped)
        guard case let .published(_, again) = try lifecycle.stage(q3) else { Issue.record("not published"); return }
        #expect(again.scores == published.scores)
        let preview = try QuarterScoring.compute(config: fixture.config, results: results, quarter: q3, policyName: nil, environment: [:])
        #expect(preview.provinces.first { $0.provinceCode == "430000" }?.aggregationRate
                != published.scores.provinces.first { $0.provinceCode == "430000" }?.aggregationRate)

        // 13. Republishing needs the explicit command and a reason; both publications are kept.
        #expect(throws: LifecycleError.self) {
            try lifecycle.republish(q3, reason: " ", by: "部级运政", at: try Self.t("2026-10-29T09:00:00+08:00")) { preview }
        }
        let republished = try lifecycle.republish(q3, reason: "湖南省平台数据迁移后复核", by: "部级运政",
                                                  at: try Self.t("2026-10-29T09:00:00+08:00")) { preview }
        #expect(republished.kind == .republication)
        #expect(try Publication.all(q3, on: results).count == 2)
        #expect(try invariants.count("recon.scorings") == 3)
        try invariants.check("republication")
        outcomes = try fixture.due(at: try Self.t("2026-10-29T10:00:00+08:00"))
        #expect(FileManager.default.fileExists(atPath: out + "/files/评价结果公布_2026Q3_第2次.csv"))
    }

    // MARK: - Kills

    /// `recon due` for `province` alone, killed with SIGKILL while it waits to insert the list items.
    func killDuringListInsert(fixture: DueFixture, province: String, at instant: String, results: Connection) throws {
        let blocker = try fixture.results.connect(applicationName: "test blocker")
        try blocker.executeSimple("BEGIN; LOCK TABLE recon.list_items IN ACCESS EXCLUSIVE MODE")
        let process = try child(["due", "--now", instant, "--config", try config(fixture, only: province)])
        try waitForLockWait(results: results, application: "recon due")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try blocker.executeSimple("ROLLBACK")
        usleep(200_000)
    }

    /// `recon due` killed with SIGKILL while it waits to insert the publication's ranking.
    func killDuringPublication(fixture: DueFixture, at instant: String, results: Connection) throws {
        let blocker = try fixture.results.connect(applicationName: "test blocker")
        try blocker.executeSimple("BEGIN; LOCK TABLE recon.publication_ranks IN ACCESS EXCLUSIVE MODE")
        let process = try child(["due", "--now", instant, "--config", try fixture.writeConfig()])
        try waitForLockWait(results: results, application: "recon due")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try blocker.executeSimple("ROLLBACK")
        usleep(200_000)
    }

    func child(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try DueFixture.reconBinary())
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func waitForLockWait(results: Connection, application: String) throws {
        var blocked = false
        for _ in 0..<3_000 where !blocked {
            blocked = try results.execute("""
                SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'
                """, [application]).singleRow().int("n") > 0
            if !blocked { usleep(10_000) }
        }
        #expect(blocked, "the child never reached the blocked statement")
    }

    /// A config naming only `province`.
    func config(_ fixture: DueFixture, only province: String) throws -> String {
        var text = "[results]\ndsn = \"\(fixture.results.dsn)\"\n[ministry]\ndsn = \"\(fixture.ministry.dsn)\"\n"
        text += "[platform]\ndsn = \"\(fixture.platform.dsn)\"\n"
        let p = try fixture.config.province(province)
        text += "[[province]]\ncode = \"\(p.code)\"\nname = \"\(p.name)\"\ndsn = \"\(fixture.provinces[province]!.dsn)\"\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("recon-one-\(UUID().uuidString).toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Re-uploads (a new 报送时间 at the ministry, the differing fields set to the province's
    /// values: an update, issue 25 case 6) the vehicles of `province`'s official list that differ in
    /// a core field; returns how many ministry rows were touched.
    func reupload(fixture: DueFixture, province: String, at instant: String, results: Connection) throws -> Int {
        let keys = try results.execute("""
            SELECT i.key_values->>'plate_number' AS plate, i.key_values->>'plate_colour' AS colour, i.fields::text AS fields
            FROM recon.list_items i JOIN recon.lists l ON l.id = i.list_id
            WHERE l.province_code = $1 AND l.official AND i.record_set = 'vehicles' AND i.category = 'field_mismatch'
            """, [province]).rows
        let ministry = try fixture.ministry.connect()
        var touched = 0
        for key in keys {
            let fields = try JSONSerialization.jsonObject(with: Data(try key.string("fields").utf8)) as? [[String: Any]] ?? []
            var assignments = ["submitted_at = $4::timestamptz"]
            var values: [String?] = [province, key["plate"], key["colour"], instant]
            for field in fields {
                guard let column = field["column"] as? String else { continue }
                values.append(field["province"] as? String)
                assignments.append("\(try ministry.quoteIdentifier(column)) = $\(values.count)")
            }
            touched += try ministry.execute("""
                UPDATE vehicles SET \(assignments.joined(separator: ", "))
                WHERE province_code = $1 AND plate_number = $2 AND plate_colour = $3
                """, values).affectedRows
        }
        return touched
    }
}

/// The lifecycle's invariants, checked by SQL after every step.
struct Invariants {
    let results: Connection
    private let versions = Counter()

    init(results: Connection) { self.results = results }

    func count(_ table: String) throws -> Int {
        try results.execute("SELECT count(*) AS n FROM \(table)").singleRow().int("n")
    }

    func officialLists(quarter: Quarter) throws -> [String] {
        try results.execute("SELECT province_code FROM recon.lists WHERE official AND quarter = $1", [quarter.description])
            .rows.map { try $0.string("province_code") }
    }

    /// Completed runs of a province that finished inside 2026Q3's window (2026-10-01 … 10-13).
    func completedRunsInsideWindow(province: String) throws -> Int {
        try results.execute("""
            SELECT count(*) AS n FROM recon.runs WHERE province_code = $1 AND status = 'completed'
              AND finished_at >= '2026-10-01 00:00+08' AND finished_at < '2026-10-14 00:00+08'
            """, [province]).singleRow().int("n")
    }

    func check(_ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let twoOfficialRuns = try results.execute("""
            SELECT province_code FROM recon.runs WHERE official_quarter IS NOT NULL
            GROUP BY province_code, official_quarter, official_window HAVING count(*) > 1
            """).rows
        #expect(twoOfficialRuns.isEmpty, "\(step): two official runs", sourceLocation: sourceLocation)
        let twoOfficialLists = try results.execute("""
            SELECT province_code FROM recon.lists WHERE official GROUP BY province_code, quarter, official_window HAVING count(*) > 1
            """).rows
        #expect(twoOfficialLists.isEmpty, "\(step): two official lists", sourceLocation: sourceLocation)
        let strayOfficialLists = try results.execute("""
            SELECT l.id FROM recon.lists l JOIN recon.runs r ON r.id = l.run_id
            WHERE l.official AND (r.official_quarter IS DISTINCT FROM l.quarter OR r.official_window IS DISTINCT FROM l.official_window)
            """).rows
        #expect(strayOfficialLists.isEmpty, "\(step): an official list of a run that is not official", sourceLocation: sourceLocation)
        let twoInWindow = try results.execute("""
            SELECT province_code FROM recon.runs WHERE status = 'completed'
              AND finished_at >= '2026-10-01 00:00+08' AND finished_at < '2026-10-14 00:00+08'
            GROUP BY province_code HAVING count(*) > 1
            """).rows
        #expect(twoInWindow.isEmpty, "\(step): two completed runs of one province inside the window", sourceLocation: sourceLocation)
        let stored = try count("recon.scorings")
        #expect(stored >= versions.value, "\(step): a scoring version was lost", sourceLocation: sourceLocation)
        while versions.value < stored { versions.increment() }
        let currentPublications = try results.execute("""
            SELECT quarter FROM recon.publications WHERE superseded_by IS NULL GROUP BY quarter HAVING count(*) > 1
            """).rows
        #expect(currentPublications.isEmpty, "\(step): two current publications", sourceLocation: sourceLocation)
    }
}

/// A flag set once from any thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false
    /// Sets it; true for the call that set it.
    func setOnce() -> Bool { lock.lock(); defer { lock.unlock() }; if set { return false }; set = true; return true }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return set }
}
