import Foundation
import XlsxWriter
import ReconRules

/// Writes a quarter's scores as CSV, XLSX or JSON.
public enum ScoreExport {
    /// The file name stem of a preview, e.g. `评分预览_2026Q3`.
    public static func stem(_ scores: QuarterScores) -> String { "评分预览_\(scores.quarter)" }

    /// Writes `<stem>.csv` into `folder` (under a temporary name, renamed when complete); returns its path.
    @discardableResult
    public static func writeCSV(_ scores: QuarterScores, folder: String, stem: String? = nil) throws -> String {
        try ResultFiles.writeAtomically(folder: folder, name: (stem ?? self.stem(scores)) + ".csv") { partial in
            let writer = try CSVWriter(path: partial)
            for row in scores.csvRows { try writer.writeRow(row) }
            try writer.close()
        }
    }

    /// Writes `<stem>.xlsx` into `folder` (one row per province, and a detail sheet); returns its path.
    @discardableResult
    public static func writeXLSX(_ scores: QuarterScores, folder: String, stem: String? = nil) throws -> String {
        try ResultFiles.writeAtomically(folder: folder, name: (stem ?? self.stem(scores)) + ".xlsx") { partial in
            try writeWorkbook(scores, path: partial)
        }
    }

    static func writeWorkbook(_ scores: QuarterScores, path: String) throws {
        let workbook = try Workbook(path: path)
        let summary = try workbook.addWorksheet(name: "评分汇总")
        try summary.writeHeader(["省份代码", "省份", "10 对账差异率", "得分", "11 对账整改率", "得分", "12 数据归集率", "得分", "小计(15)"])
        for p in scores.provinces {
            var cells: [Cell] = [.text(p.provinceCode), .text(p.provinceName)]
            for r in p.results {
                cells.append(.text(QuarterScores.rateText(r)))
                cells.append(.decimal(r.score.description))
            }
            cells.append(.decimal(p.subtotal.description))
            // Scores always with two decimals (5.00, not 5).
            let score = CellStyle(alignment: .right, numberFormat: "0.00")
            try summary.writeRow(cells, styles: [CellStyle(), CellStyle(), CellStyle(), score, CellStyle(), score, CellStyle(), score, score])
        }
        try summary.writeRow([])
        try summary.writeRow([.text("评价结果发布"), .text(scores.resultsDue.description), .text("公示期至"), .text(scores.noticeEnds.description),
                              .text("评分依据"), .text(scores.policy.documentName)])
        for (column, width) in [10.0, 10, 26, 8, 26, 8, 26, 8, 10].enumerated() { try summary.setColumnWidth(column, width) }
        try summary.freezeTopRow()
        try writeDetail(scores, into: workbook)
        try workbook.close()
    }

    /// The 明细 sheet: one row per province and indicator (`QuarterScores.csvRows`, Chinese only).
    static func writeDetail(_ scores: QuarterScores, into workbook: Workbook) throws {
        let detail = try workbook.addWorksheet(name: "明细")
        let rows = scores.csvRows
        try detail.writeHeader(rows[0].map { $0 ?? "" })
        for row in rows.dropFirst() { try detail.writeRow(row.map(Cell.init(text:))) }
        for (column, width) in [8.0, 10, 10, 6, 12, 10, 10, 10, 8, 40, 24].enumerated() { try detail.setColumnWidth(column, width) }
        try detail.freezeTopRow()
    }

    /// JSON: the quarter, dates, policy, and per province the three results and the subtotal.
    public static func json(_ scores: QuarterScores) throws -> String {
        struct Province: Encodable {
            let code, name, subtotal: String
            let indicators: [IndicatorResult]
        }
        struct Document: Encodable {
            let quarter, policy, calendarVersion, resultsDue, noticeEnds: String
            let provinces: [Province]
        }
        let document = Document(
            quarter: scores.quarter.description, policy: scores.policy.name, calendarVersion: scores.calendarVersion,
            resultsDue: scores.resultsDue.description, noticeEnds: scores.noticeEnds.description,
            provinces: scores.provinces.map {
                Province(code: $0.provinceCode, name: $0.provinceName, subtotal: $0.subtotal.description, indicators: $0.results)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
