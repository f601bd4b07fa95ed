import Foundation
import PostgresClient
import XlsxWriter
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

    /// Reads the bulletin of `publication`.
    public static func read(_ publication: Publication, on db: Connection) throws -> Bulletin {
        let version = try ScoreStore.load(id: publication.scoringID, on: db)
        let corrections = try QuarterLifecycle.acceptedCorrections(publication.quarter, on: db).filter { objection, corrected in
            version.scores.provinces.first { $0.provinceCode == objection.provinceCode }?
                .results.first { $0.indicator == objection.indicator } == corrected
        }.map(\.0)
        return Bulletin(publication: publication, version: version, corrections: corrections,
                        windowExtension: try WindowExtension.find(publication.quarter, on: db))
    }

    /// The header row of the ranking.
    public static let header = ["排名", "省份代码", "省份", "10 对账差异率", "得分", "11 对账整改率", "得分", "12 数据归集率", "得分",
                                "小计(15)", "公示期修正", "11 说明（已一致/仍不一致）"]

    /// The ranking rows, rank order.
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
            row.append(corrections.filter { $0.provinceCode == p.provinceCode }
                .map { "指标\($0.indicator.number)：\($0.decisionReason ?? "")（异议 \($0.id)）" }.joined(separator: "；"))
            row.append(p.rectificationRate.reason)
            return row
        }
    }

    /// The lines above the table.
    public var preamble: [String] {
        let kind = publication.kind == .republication ? "重新公布（\(publication.reason ?? "")）" : "公布"
        return ["\(publication.quarter) 互联网道路运输便民政务服务质量评价 指标10–12 评价结果",
                "\(kind) \(BeijingTimeFormat.human(publication.publishedAt))（北京时间）· 第\(version.version)版 · 评分口径 \(version.scores.policy.name) · 公示期至 \(version.scores.noticeEnds)"]
            + (windowExtension.map { [$0.chinese] } ?? [])
    }

    /// Writes `<stem>.csv` (UTF-8 with BOM): the preamble, then the ranking; returns its path.
    public func writeCSV(folder: String, stem: String) throws -> String {
        try ResultFiles.writeAtomically(folder: folder, name: stem + ".csv") { partial in
            let writer = try CSVWriter(path: partial)
            for line in preamble { try writer.writeRow([line]) }
            try writer.writeRow(Self.header)
            for row in rows { try writer.writeRow(row) }
            try writer.close()
        }
    }

    /// Writes `<stem>.xlsx`: a 排名 sheet and a 公示期修正 sheet; returns its path.
    public func writeXLSX(folder: String, stem: String) throws -> String {
        try ResultFiles.writeAtomically(folder: folder, name: stem + ".xlsx") { partial in
            let workbook = try Workbook(path: partial)
            let sheet = try workbook.addWorksheet(name: "排名")
            for line in preamble { try sheet.writeRow([.text(line)]) }
            try sheet.writeRow(Self.header.map { Cell.text($0) })
            for row in rows {
                try sheet.writeRow(row.enumerated().map { index, value in
                    [0, 4, 6, 8, 9].contains(index) ? .decimal(value) : .text(value)
                })
            }
            for (column, width) in [6.0, 10, 14, 26, 8, 26, 8, 26, 8, 10, 40, 50].enumerated() { try sheet.setColumnWidth(column, width) }
            let fixes = try workbook.addWorksheet(name: "公示期修正")
            try fixes.writeHeader(["异议编号", "省份代码", "指标", "异议内容", "处理结果", "修正理由", "处理时间", "修正版本"])
            for objection in corrections {
                try fixes.writeRow([.text(String(objection.id)), .text(objection.provinceCode), .text(String(objection.indicator.number)),
                                    .text(objection.text), .text(objection.status.label), .text(objection.decisionReason ?? ""),
                                    .text(objection.decidedAt.map(BeijingTimeFormat.human) ?? ""),
                                    .text(objection.correctionID.map(String.init) ?? "")])
            }
            for (column, width) in [10.0, 10, 6, 40, 10, 40, 20, 10].enumerated() { try fixes.setColumnWidth(column, width) }
            try workbook.close()
        }
    }
}
