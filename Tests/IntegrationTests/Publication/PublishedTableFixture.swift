import Foundation
@testable import ReconKit
import ReconRules

/// A published quarter of the 32 evaluated units (31 provinces and 新疆生产建设兵团), built in memory from the rules themselves (rates
/// scored by `DifferenceRateRule` etc.): varied counts, a missed window, an empty list, no
/// business data, 11's 已一致/仍不一致, long province names, two accepted objections.
enum PublishedTableFixture {
    static let quarter = try! Quarter.parse("2026Q3")

    static func date(_ text: String) -> Date { try! BeijingTime.parseTimestamp(text) }

    /// The 32 units. scores.
    static func scores() throws -> QuarterScores {
        let policy = ScoringPolicy.default
        let provinces = try ProvinceCode.evaluatedUnits().enumerated().map { index, province -> ProvinceScores in
            let total = 1_000 + index * 3_917
            let ten = try index == 7 ? DifferenceRateRule.windowMissed(policy: policy)
                : DifferenceRateRule.result(differingKeys: (index * 37) % 400, totalKeys: total, policy: policy)
            var eleven = try index == 7 ? RectificationRateRule.windowMissed(policy: policy)
                : index == 12 ? RectificationRateRule.result(rectifiedItems: 0, listItems: 0, policy: policy)
                : RectificationRateRule.result(rectifiedItems: 900 - index * 9, listItems: 950, policy: policy)
            if eleven.reasonCode == .rate {
                eleven = IndicatorResult(indicator: .rectificationRate, numerator: eleven.numerator, denominator: eleven.denominator,
                                         rate: eleven.rate, score: eleven.score, reasonCode: .rate,
                                         reason: eleven.reason + "；已一致 \(800 - index) 项，仍不一致 \(150 + index) 项", policy: policy.name)
            }
            if index == 3 {
                eleven = IndicatorResult(indicator: .rectificationRate, numerator: 949, denominator: 950, rate: try Rational(949, 950),
                                         score: .points(5), reasonCode: .corrected,
                                         reason: "对账整改率 99.89%（949/950）；异议核对修正：核对平台线下办件后更正（异议 12）", policy: policy.name)
            }
            let twelve = try index == 20 ? AggregationRateRule.result(matchedRecords: 0, ministryRecords: 0, policy: policy)
                : AggregationRateRule.result(matchedRecords: 80_000 + index * 313, ministryRecords: 90_000, policy: policy)
            return ProvinceScores(provinceCode: province.code, provinceName: province.fullName, differenceRate: ten,
                                  rectificationRate: eleven, aggregationRate: twelve, officialRunID: index, rectificationRunID: index,
                                  listID: index)
        }
        return QuarterScores(quarter: quarter, policy: policy, calendarVersion: "test", resultsDue: try CivilDate.parse("2026-10-20"),
                             noticeEnds: try CivilDate.parse("2026-10-26"), provinces: provinces)
    }

    /// Version 2 (a correction), published on 2026-10-27, with the objections it carries.
    static func bulletin() throws -> Bulletin {
        let scores = try scores()
        let version = ScoringVersion(id: 2, version: 2, kind: .correction, basedOn: 1, reason: "核对平台线下办件后更正",
                                     createdBy: "部级运政", createdAt: date("2026-10-22T11:00:00+08:00"), scores: scores)
        let ranks = Ranking.rank(scores.provinces.map { ($0.provinceCode, $0.subtotal.hundredths) })
        let publication = Publication(id: 1, quarter: quarter, scoringID: 2, publishedAt: date("2026-10-27T09:00:00+08:00"),
                                      publishedBy: "recon due", kind: .publication, reason: nil, ranks: ranks)
        let henan = scores.provinces[3].provinceCode
        let objection = Objection(id: 12, quarter: quarter, provinceCode: henan, indicator: .rectificationRate, scoringID: 1,
                                  text: "线下办件未计入", raisedAt: date("2026-10-21T10:00:00+08:00"), raisedBy: "省级运政",
                                  status: .accepted, decidedAt: date("2026-10-22T11:00:00+08:00"), decidedBy: "部级运政",
                                  decisionReason: "核对平台线下办件后更正", correctionID: 2)
        return Bulletin(publication: publication, version: version, corrections: [objection], windowExtension: nil,
                        noticeStarts: try CivilDate.parse("2026-10-20"))
    }

    /// Version 1, the draft on notice from 2026-10-20.
    static func draft() throws -> VersionTable {
        let version = ScoringVersion(id: 1, version: 1, kind: .draft, basedOn: nil, reason: nil, createdBy: "recon due",
                                     createdAt: date("2026-10-20T06:00:00+08:00"), scores: try scores())
        return VersionTable(version: version, noticeStarts: ResultTable.noticeStart(version.scores, draftedAt: version.createdAt))
    }

    /// `[bulletin]` as an installation would set it.
    static var settings: BulletinSettings {
        var settings = BulletinSettings()
        settings.issuer = "交通运输部运输服务司"
        settings.objectionURL = "https://recon.example.gov.cn/objections"
        settings.objectionContact = "运输服务司信息化处 张三 010-65290000"
        return settings
    }
}
