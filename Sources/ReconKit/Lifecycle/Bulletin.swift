import Foundation
import PostgresClient
import ReconRules

/// The ministry's bulletin of a published quarter (评价结果公布): the ranking, the three indicators
/// with their rates and scores, the subtotal of 15, and the corrections made during the public
/// notice — as frozen in the database at publication.
public struct Bulletin: Sendable {
    /// The publication.
    public let publication: Publication
    /// The version published.
    public let version: ScoringVersion
    /// The objections accepted during the notice whose correction is in `version` (a correction
    /// replaced by a later one on the same indicator, or absent from the version, is not claimed).
    public let corrections: [Objection]

    /// The ministry's extension of the quarter's window, if any (shown in the preamble).
    public var windowExtension: WindowExtension? = nil
    /// The first day of the public notice (the day the draft was put on notice, not before the
    /// results date; docs/rules.md, "Public notice and objections"); the results date when unknown.
    public var noticeStarts: CivilDate? = nil

    /// Reads the bulletin of `publication`.
    public static func read(_ publication: Publication, on db: Connection) throws -> Bulletin {
        let version = try ScoreStore.load(id: publication.scoringID, on: db)
        let corrections = try QuarterLifecycle.acceptedCorrections(publication.quarter, on: db).filter { objection, corrected in
            version.scores.provinces.first { $0.provinceCode == objection.provinceCode }?
                .results.first { $0.indicator == objection.indicator } == corrected
        }.map(\.0)
        let draft = try ScoreStore.versions(publication.quarter, on: db).first { $0.kind == .draft }
        return Bulletin(publication: publication, version: version, corrections: corrections,
                        windowExtension: try WindowExtension.find(publication.quarter, on: db),
                        noticeStarts: ResultTable.noticeStart(version.scores, draftedAt: draft?.createdAt))
    }

    /// The header row of the ranking (the portal's ranking table).
    public static let header = ["排名", "省份代码", "省份", "10 对账差异率", "得分", "11 对账整改率", "得分", "12 数据归集率", "得分",
                                "小计(15)", "公示期修正", "11 说明（已一致/仍不一致）"]

    /// The ranking rows, rank order (the portal's ranking table).
    public var rows: [[String]] {
        let byCode = Dictionary(uniqueKeysWithValues: version.scores.provinces.map { ($0.provinceCode, $0) })
        return publication.ranks.compactMap { entry in
            guard let p = byCode[entry.provinceCode] else { return nil }
            var row = [String(entry.rank), p.provinceCode, p.provinceName]
            for r in p.results {
                row.append(QuarterScores.rateText(r))
                row.append(r.score.description)
            }
            row.append(p.subtotal.description)
            row.append(correctionText(p.provinceCode))
            row.append(p.rectificationRate.reason)
            return row
        }
    }

    /// 公示期修正 of a province: `指标11：核对平台线下办件后更正（异议 5）`, joined by `；`.
    func correctionText(_ provinceCode: String) -> String {
        corrections.filter { $0.provinceCode == provinceCode }
            .map { "指标\($0.indicator.number)：\($0.decisionReason ?? "")（异议 \($0.id)）" }.joined(separator: "；")
    }

    /// The lines under the title: issuer and date, the version, the notice, the policy by its
    /// document, a republication's reason, the window's extension.
    public func lines(_ settings: BulletinSettings = BulletinSettings()) -> [String] {
        let scores = version.scores
        let published = BeijingTime.dateTime(of: publication.publishedAt)
        let notice = ChineseDateWords.span(from: noticeStarts ?? scores.resultsDue, to: scores.noticeEnds)
        var lines = ["发布单位：\(settings.issuer)　　发布日期：\(ChineseDateWords.date(published.date))",
                     "第\(version.version)版（\(version.kind.label)）　　公示期：\(notice)　　评分依据：\(scores.policy.documentName)"]
        if publication.kind == .republication {
            lines.append("重新公布：\(publication.reason ?? "")")
        }
        if let windowExtension {
            lines.append("对账窗口经部级延长至\(ChineseDateWords.date(windowExtension.until))24时（理由：\(windowExtension.reason)）")
        }
        return lines
    }

    /// The title and the lines under it, one per line (the portal's caption).
    public var preamble: [String] { [ResultTable.title(publication.quarter)] + lines() }

    /// The bulletin as a published table: ranked, its 公示期修正 the accepted objections it carries,
    /// the 注 generated from the policy.
    public func table(_ settings: BulletinSettings = BulletinSettings()) -> ResultTable {
        let byCode = Dictionary(uniqueKeysWithValues: version.scores.provinces.map { ($0.provinceCode, $0) })
        let rows = publication.ranks.compactMap { entry -> ResultTable.Row? in
            byCode[entry.provinceCode].map { ResultTable.row(number: 0, rank: entry.rank, province: $0, corrections: correctionText($0.provinceCode)) }
        }
        return ResultTable(title: ResultTable.title(publication.quarter), lines: lines(settings), ranked: true,
                           rows: rows.enumerated().map { $1.numbered($0 + 1) }, notes: version.scores.policy.notes + correctionNotes)
    }

    /// One 注 line per correction carried: who objected to what and when, the decision and the
    /// version it made (what the former 公示期修正 sheet listed).
    var correctionNotes: [String] {
        let names = Dictionary(uniqueKeysWithValues: version.scores.provinces.map { ($0.provinceCode, $0.provinceName) })
        return corrections.map { o in
            let raised = ChineseDateWords.date(BeijingTime.civilDate(of: o.raisedAt))
            let decided = o.decidedAt.map { ChineseDateWords.date(BeijingTime.civilDate(of: $0)) } ?? ""
            return "公示期修正（异议\(o.id)）：\(names[o.provinceCode] ?? o.provinceCode)于\(raised)对指标\(o.indicator.number)提出“\(o.text)”，"
                + "\(decided)\(o.status.label)：\(o.decisionReason ?? "")" + (o.correctionID.map { "（修正版本 \($0)）" } ?? "") + "。"
        }
    }

    /// Writes `<stem>.csv` (UTF-8 with BOM): a plain table, the header on the first line (the
    /// title is in the file name, 评价结果公布_<quarter>); returns its path.
    public func writeCSV(folder: String, stem: String, settings: BulletinSettings = BulletinSettings()) throws -> String {
        try table(settings).writeCSV(folder: folder, stem: stem)
    }

    /// Writes `<stem>.xlsx`: one sheet, the 通报 table (`ResultSheet`: prints on A4 landscape) —
    /// one sheet, so that the whole file prints as the document; returns its path.
    public func writeXLSX(folder: String, stem: String, settings: BulletinSettings = BulletinSettings()) throws -> String {
        try table(settings).writeXLSX(folder: folder, stem: stem, sheet: "评价结果")
    }
}
