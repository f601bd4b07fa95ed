import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// Issue 25 case 1: a republication keeps the corrections of accepted objections, and a bulletin
/// claims only the corrections its scores carry (docs/rules.md, "Published results").
@Suite("Republication keeps accepted corrections", .serialized)
struct RepublicationTests {
    static func t(_ text: String) throws -> Date { try BeijingTime.parseTimestamp(text) }

    @Test func republicationKeepsEveryAcceptedCorrectionAndTheBulletinClaimsOnlyWhatItCarries() throws {
        let fixture = try DueFixture(codes: ["410000", "420000"])
        let results = try fixture.results.connect(applicationName: "test watcher")
        let out = try ReconCLI.temporaryFolder("republication")
        fixture.config.outputDirectory = out
        let q3 = try Quarter.parse("2026Q3")
        _ = try fixture.due(at: try Self.t("2026-07-01T09:00:00+08:00"))
        let drafted = try fixture.due(at: try Self.t("2026-10-20T09:00:00+08:00"))
        #expect(drafted.first { $0.step == "score" }?.status == .done, "\(drafted)")

        let lifecycle = QuarterLifecycle(results: results, calendar: .builtIn)
        let o1 = try lifecycle.raiseObjection(q3, province: "410000", indicator: .rectificationRate, text: "整改已完成",
                                              by: "河南省运政", at: try Self.t("2026-10-21T10:00:00+08:00"))
        _ = try lifecycle.accept(objection: o1.id, numerator: 199, denominator: 200, reason: "核对整改记录后更正",
                                 by: "部级运政", at: try Self.t("2026-10-21T11:00:00+08:00"))
        // Two corrections of one indicator: the later one replaces the earlier.
        let o2 = try lifecycle.raiseObjection(q3, province: "420000", indicator: .differenceRate, text: "差异系部级重复",
                                              by: "湖北省运政", at: try Self.t("2026-10-21T12:00:00+08:00"))
        _ = try lifecycle.accept(objection: o2.id, numerator: 0, denominator: 900, reason: "第一次更正",
                                 by: "部级运政", at: try Self.t("2026-10-21T13:00:00+08:00"))
        let o3 = try lifecycle.raiseObjection(q3, province: "420000", indicator: .differenceRate, text: "更正有误",
                                              by: "湖北省运政", at: try Self.t("2026-10-22T10:00:00+08:00"))
        _ = try lifecycle.accept(objection: o3.id, numerator: 45, denominator: 900, reason: "第二次更正",
                                 by: "部级运政", at: try Self.t("2026-10-22T11:00:00+08:00"))

        let published = try fixture.due(at: try Self.t("2026-10-27T09:00:00+08:00"))
        #expect(published.first { $0.step == "publish" }?.status == .done, "\(published)")
        let first = try String(contentsOfFile: out + "/评价结果公布_2026Q3.csv", encoding: .utf8)
        #expect(first.contains("（异议 \(o1.id)）") && first.contains("（异议 \(o3.id)）"), "\(first)")
        #expect(!first.contains("（异议 \(o2.id)）"), "o2's correction was replaced by o3's: \(first)")

        // Republished from the CLI: scored anew from the registries, the corrections kept.
        let cli = try ReconCLI.run(["score", "republish", "--quarter", "2026Q3", "--reason", "平台数据迁移后复核",
                                    "--now", "2026-10-29T09:00:00+08:00", "--config", try fixture.writeConfig()])
        #expect(cli.status == 0, "\(cli)")
        guard case let .published(_, again) = try lifecycle.stage(q3) else { Issue.record("not published"); return }
        #expect(again.kind == .republication)
        let henan = try #require(again.scores.provinces.first { $0.provinceCode == "410000" })
        #expect(henan.rectificationRate.numerator == 199 && henan.rectificationRate.denominator == 200)
        #expect(henan.rectificationRate.reasonCode == .corrected && henan.rectificationRate.score.description == "5.00")
        let hubei = try #require(again.scores.provinces.first { $0.provinceCode == "420000" })
        #expect(hubei.differenceRate.numerator == 45 && hubei.differenceRate.denominator == 900, "\(hubei.differenceRate)")
        #expect(hubei.differenceRate.score.description == "3.00")

        _ = try fixture.due(at: try Self.t("2026-10-29T10:00:00+08:00"))
        let second = try String(contentsOfFile: out + "/评价结果公布_2026Q3_第2次.csv", encoding: .utf8)
        #expect(second.contains("（异议 \(o1.id)）") && second.contains("（异议 \(o3.id)）"), "\(second)")
        #expect(!second.contains("（异议 \(o2.id)）"), "\(second)")
        #expect(second.contains("5.00") && second.contains("3.00"), "\(second)")
    }
}
