import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// Issue 25 case 10: states and figures that agree — 公示期已结束，待公布 after the notice; the counts
/// beside every rate and score; one open objection per indicator, enforced by the database; `recon
/// score publish` writes the bulletin; a quarter never scored says so.
@Suite("The notice's end, counts beside rates, one open objection", .serialized)
struct NoticeStageTests {
    static func t(_ text: String) throws -> Date { try BeijingTime.parseTimestamp(text) }

    @Test func afterTheNoticeTheStageSaysSoAndPublishWritesTheBulletin() throws {
        let fixture = try DueFixture(codes: ["410000", "420000"], rows: 200)
        _ = try fixture.due(at: try Self.t("2026-07-01T09:00:00+08:00"))
        let drafted = try fixture.due(at: try Self.t("2026-10-20T09:00:00+08:00"))
        #expect(drafted.first { $0.step == "score" }?.status == .done, "\(drafted)")
        let out = try ReconCLI.temporaryFolder("notice-stage")
        let config = try fixture.writeConfig()
        try ((try String(contentsOfFile: config, encoding: .utf8)) + "[jobs]\noutput_dir = \"\(out)\"\n")
            .write(toFile: config, atomically: true, encoding: .utf8)

        // During the notice: 公示中, every rate with its counts.
        let during = try ReconCLI.run(["score", "--quarter", "2026Q3", "--now", "2026-10-23T09:00:00+08:00", "--config", config])
        #expect(during.status == 0 && during.stdout.contains("公示中"), "\(during)")
        #expect(during.stdout.range(of: #"\d+\.\d\d%（\d+/\d+） → \d+\.\d\d"#, options: .regularExpression) != nil, "\(during)")

        // One open objection per indicator: the CLI refuses the second, and so does the database.
        let raise = ["objections", "raise", "--quarter", "2026Q3", "--province", "410000", "--indicator", "11",
                     "--now", "2026-10-21T10:00:00+08:00", "--config", config]
        let first = try ReconCLI.run(raise + ["--text", "整改已完成"])
        #expect(first.status == 0, "\(first)")
        let second = try ReconCLI.run(raise + ["--text", "再次提出"])
        #expect(second.status != 0 && second.stderr.contains("still open"), "\(second)")
        let results = try fixture.results.connect()
        let version = try results.execute("SELECT max(id) AS id FROM recon.scorings").singleRow().string("id")
        #expect(throws: PostgresError.self) {
            try results.execute("""
                INSERT INTO recon.objections (quarter, province_code, indicator, scoring_id, text, raised_at, raised_by)
                VALUES ('2026Q3', '410000', 11, $1, '绕过检查', '2026-10-21 11:00+08', 'test')
                """, [version])
        }
        #expect(try results.execute("SELECT count(*) AS n FROM recon.objections").singleRow().int("n") == 1)
        let id = try results.execute("SELECT id FROM recon.objections").singleRow().string("id")
        #expect(try ReconCLI.run(["objections", "reject", id, "--reason", "整改期外上传不计", "--now", "2026-10-22T10:00:00+08:00",
                                  "--config", config]).status == 0)

        // After the notice (ended 2026-10-26 24:00), before publication: 公示期已结束，待公布.
        let after = try ReconCLI.run(["score", "--quarter", "2026Q3", "--now", "2026-10-27T08:00:00+08:00", "--config", config])
        #expect(after.stdout.contains("公示期已结束，待公布") && !after.stdout.contains("公示中"), "\(after)")

        // recon score publish writes the bulletin at once, counts beside rates.
        let published = try ReconCLI.run(["score", "publish", "--quarter", "2026Q3", "--now", "2026-10-27T09:00:00+08:00", "--config", config])
        #expect(published.status == 0, "\(published)")
        let bulletin = try String(contentsOfFile: out + "/评价结果公布_2026Q3.csv", encoding: .utf8)
        // A plain table (issue 26): the header first, then per indicator its counts, rate and score.
        #expect(bulletin.replacingOccurrences(of: "\u{FEFF}", with: "").hasPrefix("序号,省份代码,省份,排名,"), "\(bulletin)")
        #expect(bulletin.range(of: #",\d+,\d+,\d+\.\d\d%,\d\.\d\d,"#, options: .regularExpression) != nil, "\(bulletin)")
        // The 公示稿 in Chinese only: no English reason code, no policy id.
        let draft = try String(contentsOfFile: out + "/评价结果_2026Q3_第1版_公示稿.csv", encoding: .utf8)
        #expect(draft.replacingOccurrences(of: "\u{FEFF}", with: "").hasPrefix("序号,省份代码,省份,指标10"), "\(draft)")
        for code in ScoreReason.allCases.map(\.rawValue) + ["jtys-2022-1599"] {
            let cells = draft.split(whereSeparator: { $0 == "," || $0.isNewline })
            #expect(!cells.contains { $0 == code } && !draft.contains("jtys"), "\(code) in \(draft)")
        }

        // 2026Q2 is before the first quarter recon saw: the preview says it is never scored.
        let never = try ReconCLI.run(["score", "--quarter", "2026Q2", "--config", config])
        #expect(never.status == 0 && never.stdout.contains("永不评分") && !never.stdout.contains("小计"), "\(never)")
    }
}
