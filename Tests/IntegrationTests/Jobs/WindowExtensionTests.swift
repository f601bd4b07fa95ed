import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// Issue 25 case 9 through `recon due`: the ministry's system was down for the whole window; the
/// ministry records a reasoned extension and the provinces' runs inside it are official, the
/// bulletin naming the extension (docs/rules.md, "The window (每季度第一周)").
@Suite("The ministry's recorded window extension", .serialized)
struct WindowExtensionTests {
    static func t(_ text: String) throws -> Date { try BeijingTime.parseTimestamp(text) }

    @Test func runsInsideTheExtensionAreOfficialAndTheBulletinSaysWhy() throws {
        let fixture = try DueFixture(codes: ["410000", "420000"], rows: 100)
        let out = try ReconCLI.temporaryFolder("window-extension")
        let config = try fixture.writeConfig()
        try ((try String(contentsOfFile: config, encoding: .utf8)) + "[jobs]\noutput_dir = \"\(out)\"\n")
            .write(toFile: config, atomically: true, encoding: .utf8)
        // After the window (2026-07-01 … 07-07), nothing is due: no reconciliation.
        let late = try ReconCLI.run(["due", "--now", "2026-07-09T09:00:00+08:00", "--config", config])
        #expect(late.status == 0 || late.status == 1, "\(late)")
        let results = try fixture.results.connect()
        #expect(try results.execute("SELECT count(*) AS n FROM recon.runs").singleRow().int("n") == 0)

        // Refused: no reason, a day inside the window.
        #expect(try ReconCLI.run(["window", "extend", "--quarter", "2026Q3", "--until", "2026-07-10", "--reason", " ",
                                  "--config", config]).status == 64)
        #expect(try ReconCLI.run(["window", "extend", "--quarter", "2026Q3", "--until", "2026-07-06", "--reason", "故障",
                                  "--config", config]).status == 64)
        let extended = try ReconCLI.run(["window", "extend", "--quarter", "2026Q3", "--until", "2026-07-10",
                                         "--reason", "部级系统 2026-07-01 至 07-07 故障", "--now", "2026-07-08T18:00:00+08:00", "--config", config])
        #expect(extended.status == 0 && extended.stdout.contains("延长至 2026-07-10"), "\(extended)")
        #expect(try ReconCLI.run(["window", "extend", "--quarter", "2026Q3", "--until", "2026-07-13", "--reason", "再次",
                                  "--config", config]).status == 1, "one extension per quarter")

        let inside = try ReconCLI.run(["due", "--now", "2026-07-09T09:00:00+08:00", "--config", config])
        #expect(inside.status == 0, "\(inside)")
        let q3 = try Quarter.parse("2026Q3")
        #expect(try OfficialRun.all(quarter: q3, on: results).count == 2)

        _ = try fixture.due(at: try Self.t("2026-10-20T09:00:00+08:00"))
        guard case let .onNotice(draft, _) = try QuarterLifecycle(results: results, calendar: .builtIn).stage(q3) else {
            Issue.record("not drafted"); return
        }
        #expect(draft.scores.provinces.allSatisfy { $0.differenceRate.reasonCode != .windowMissed }, "\(draft.scores.provinces)")
        let published = try ReconCLI.run(["score", "publish", "--quarter", "2026Q3", "--now", "2026-10-27T09:00:00+08:00", "--config", config])
        #expect(published.status == 0, "\(published)")
        // The bulletin's lines name the extension (issue 26: in the printed table; its CSV is a plain table).
        let publication = try #require(try Publication.current(q3, on: results))
        let lines = try Bulletin.read(publication, on: results).lines().joined(separator: "\n")
        #expect(lines.contains("对账窗口经部级延长至2026年7月10日24时") && lines.contains("故障"), "\(lines)")
        let bulletin = try String(contentsOfFile: out + "/评价结果公布_2026Q3.csv", encoding: .utf8)
        #expect(bulletin.replacingOccurrences(of: "\u{FEFF}", with: "").hasPrefix("序号,"), "\(bulletin)")
    }
}
