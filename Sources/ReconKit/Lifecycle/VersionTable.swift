import Foundation
import ReconRules

/// The files of a scoring version — 公示稿 (the draft on public notice), 核对修正稿, 重新公布稿 — as a
/// published table: the title with the version's kind, the notice from–to in words, how and until
/// when a province raises an objection (第十一条: 对评价结果有异议的，可在公示期内提请核对修正), the
/// bulletin's layout without 排名 (the rank is shown once published, as in the portal) and the same
/// 注. docs/rules.md, "The bulletin and the 公示稿".
public struct VersionTable: Sendable {
    /// The version.
    public let version: ScoringVersion
    /// The notice's first day (`ResultTable.noticeStart`).
    public let noticeStarts: CivilDate

    /// The table of `version`, whose notice began on `noticeStarts`.
    public init(version: ScoringVersion, noticeStarts: CivilDate) {
        self.version = version
        self.noticeStarts = noticeStarts
    }

    /// The lines under the title.
    public func lines(_ settings: BulletinSettings) -> [String] {
        let scores = version.scores
        var lines = ["发布单位：\(settings.issuer)　　第\(version.version)版（\(version.kind.label)）　　评分依据：\(scores.policy.documentName)"]
        if let reason = version.reason, !reason.isEmpty {
            lines.append(version.kind == .republication ? "重新公布原因：\(reason)" : "修正说明：\(reason)")
        }
        guard version.kind != .republication else { return lines }
        lines.append("公示期：\(ChineseDateWords.span(from: noticeStarts, to: scores.noticeEnds))24时")
        let place = settings.objectionURL.map { "\($0)（省级门户“异议”页）" } ?? "省级门户的“异议”页"
        lines.append("对评价结果有异议的，请于\(ChineseDateWords.date(scores.noticeEnds))24时前通过\(place)提出，写明指标、理由并附核对材料；"
                     + "逾期不再受理。经核对确需修正的，发布核对修正稿。")
        if let contact = settings.objectionContact { lines.append("联系人：\(contact)") }
        return lines
    }

    /// The table: one row per province in configuration order, 公示期修正 from the corrected results.
    public func table(_ settings: BulletinSettings = BulletinSettings()) -> ResultTable {
        ResultTable(title: ResultTable.title(version.scores.quarter) + "（\(version.kind.label)）", lines: lines(settings), ranked: false,
                    rows: version.scores.provinces.enumerated().map { ResultTable.row(number: $0 + 1, rank: nil, province: $1, corrections: nil) },
                    notes: version.scores.policy.notes)
    }

    /// Writes `<stem>.csv` (UTF-8 with BOM): a plain table, header first; returns its path.
    public func writeCSV(folder: String, stem: String, settings: BulletinSettings = BulletinSettings()) throws -> String {
        try table(settings).writeCSV(folder: folder, stem: stem)
    }

    /// Writes `<stem>.xlsx`: one sheet, the table (prints on A4 landscape; the per-indicator counts,
    /// rates, scores and reasons are all in it); returns its path.
    public func writeXLSX(folder: String, stem: String, settings: BulletinSettings = BulletinSettings()) throws -> String {
        try table(settings).writeXLSX(folder: folder, stem: stem, sheet: version.kind.label)
    }
}
