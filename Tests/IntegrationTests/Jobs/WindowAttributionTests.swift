import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// Issue 25 case 13: which quarter a window serves (docs/rules.md, "The window" and "Which policy
/// serves a quarter"), through `recon due --now`. Under the default reading of jtys-2022-1599 the
/// window serving 2026Q3 is the first week of October 2026 (Oct 1–7 off, working days 8, 9, 10, 12,
/// 13); a quarter stored under the earlier attribution (jtys-2022-1599-own-quarter) keeps its July
/// window and is scored under it, and the database keeps its policy once it has official runs.
@Suite("Which quarter a window serves, through recon due", .serialized)
struct WindowAttributionTests {
    static func officialRuns(_ results: Connection) throws -> [(quarter: String, finished: String)] {
        try results.execute("""
            SELECT official_quarter, to_char(finished_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day
            FROM recon.runs WHERE official_quarter IS NOT NULL ORDER BY id
            """).rows.map { (try $0.string("official_quarter"), try $0.string("day")) }
    }

    @Test func underTheDefault2026Q3IsReconciledInOctober() throws {
        let fixture = try DueFixture(codes: ["410000", "420000"], rows: 200)
        fixture.policy = .default
        let config = try fixture.writeConfig()
        let results = try fixture.results.connect()

        // Early July serves 2026Q2 now (its month after), not 2026Q3.
        let july = try ReconCLI.run(["due", "--now", "2026-07-02T09:00:00+08:00", "--config", config])
        #expect(july.status == 0, "\(july)")
        #expect(!july.output.contains("— official run of 2026Q3"), "\(july)")
        #expect(try Self.officialRuns(results).allSatisfy { $0.quarter == "2026Q2" })

        // The dry run of 2026-10-09 plans 2026Q3's window.
        let dry = try ReconCLI.run(["due", "--dry-run", "--now", "2026-10-09T09:00:00+08:00", "--config", config])
        #expect(dry.stdout.contains("reconcile 2026Q3 (window 2026-10-01 – 2026-10-13)"), "\(dry)")

        // 2026-10-09: 2026Q3's official runs, made in October; its policy is stored with it.
        let october = try ReconCLI.run(["due", "--now", "2026-10-09T09:00:00+08:00", "--config", config])
        #expect(october.status == 0, "\(october)")
        #expect(october.output.contains("— official run of 2026Q3"), "\(october)")
        let q3Runs = try Self.officialRuns(results).filter { $0.quarter == "2026Q3" }
        #expect(q3Runs.count == 2 && q3Runs.allSatisfy { $0.finished == "2026-10-09" }, "\(q3Runs)")
        #expect(try QuarterPolicies.stored(try Quarter.parse("2026Q3"), on: results)?.name == "jtys-2022-1599")
        // `recon calendar window` agrees.
        let window = try ReconCLI.run(["calendar", "window", "2026Q3"])
        #expect(window.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2026-10-01 2026-10-13", "\(window)")
    }

    @Test func aQuarterStoredUnderTheEarlierAttributionKeepsItsJulyWindow() throws {
        let fixture = try DueFixture(codes: ["410000", "420000"], rows: 200)
        let q3 = try Quarter.parse("2026Q3")
        let results = try fixture.results.connect()

        // Before the upgrade: configured with the earlier attribution, 2026Q3 is run in July.
        fixture.policy = .jtys2022OwnQuarter
        let before = try ReconCLI.run(["due", "--now", "2026-07-02T09:00:00+08:00", "--config", try fixture.writeConfig()])
        #expect(before.status == 0 && before.output.contains("— official run of 2026Q3"), "\(before)")
        #expect(try QuarterPolicies.stored(q3, on: results)?.name == "jtys-2022-1599-own-quarter")

        // Upgraded mid-year to the default: October does not re-attribute 2026Q3 (nor serve 2026Q4,
        // whose window under the default is in January 2027).
        fixture.policy = .default
        let config = try fixture.writeConfig()
        let october = try ReconCLI.run(["due", "--now", "2026-10-09T09:00:00+08:00", "--config", config])
        #expect(october.status == 0, "\(october)")
        #expect(!october.output.contains("— official run of 2026Q"), "\(october)")
        let runs = try Self.officialRuns(results)
        #expect(runs.count == 2 && runs.allSatisfy { $0.quarter == "2026Q3" && $0.finished == "2026-07-02" }, "\(runs)")

        // The database keeps the quarter's policy once it has official runs.
        #expect(throws: PostgresError.self) {
            try results.execute("UPDATE recon.quarter_policies SET policy = 'jtys-2022-1599' WHERE quarter = '2026Q3'")
        }
        #expect(throws: PostgresError.self) { try results.execute("DELETE FROM recon.quarter_policies WHERE quarter = '2026Q3'") }
        #expect(throws: PostgresError.self) {
            try results.execute("INSERT INTO recon.quarter_policies VALUES ('2026Q3', 'jtys-2022-1599', now(), 'test')")
        }

        // Results day: drafted under the stored policy, from the July runs (not "window missed").
        let drafted = try ReconCLI.run(["due", "--now", "2026-10-20T09:00:00+08:00", "--config", config])
        #expect(drafted.status == 0 && drafted.output.contains("2026Q3 draft (version 1)"), "\(drafted)")
        let lifecycle = QuarterLifecycle(results: results, calendar: .builtIn)
        guard case let .onNotice(draft, _) = try lifecycle.stage(q3) else { Issue.record("not on notice"); return }
        #expect(draft.scores.policy.name == "jtys-2022-1599-own-quarter")
        #expect(draft.scores.provinces.allSatisfy { $0.differenceRate.reasonCode != .windowMissed }, "\(draft.scores.provinces)")

        // After the notice (2026-10-26 24:00), an open objection holds the publication: the score
        // step says 公示期已结束，待公布, not 公示中.
        _ = try lifecycle.raiseObjection(q3, province: "410000", indicator: .aggregationRate, text: "平台漏计",
                                         by: "河南省运政", at: try BeijingTime.parseTimestamp("2026-10-21T10:00:00+08:00"))
        let after = try ReconCLI.run(["due", "--now", "2026-10-27T09:00:00+08:00", "--config", config])
        #expect(after.output.contains("公示期已结束，待公布"), "\(after)")
        #expect(!after.output.contains("is 公示中"), "\(after)")
    }
}
