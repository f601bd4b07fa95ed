import Foundation
import ReconRules

/// Renders `ListProgress` rows as a terminal table (aligned Chinese), CSV or JSON.
///
/// The rate is on time / items as an exact fraction, shown as a percentage truncated to two
/// decimals; an empty list (no differences) shows `无差异` and JSON `null`.
public struct ProgressReport: Sendable {
    /// The rows.
    public let rows: [ListProgress]
    /// The time of the question (overdue counts).
    public let now: Date

    /// A report.
    public init(rows: [ListProgress], now: Date) {
        self.rows = rows
        self.now = now
    }

    /// The column headers of the table and the CSV.
    public static let headers = ["省份代码", "省份", "季度", "清单", "性质", "条目数", "按期上传", "逾期上传", "未上传",
                                 "其中已逾期", "已一致", "整改率", "整改截止时间", "剩余工作日"]

    /// The cells of one row.
    func cells(_ row: ListProgress) -> [String] {
        [row.provinceCode, row.provinceName, row.quarter.description, String(row.listID), row.official ? "正式" : "自查",
         String(row.items), String(row.onTime), String(row.late), String(row.outstanding), String(row.overdue(now: now)),
         String(row.resolved), row.rate?.percentLabel ?? "无差异", BeijingTimeFormat.humanDeadline(end: row.deadline),
         row.workingDaysLeft.map(String.init) ?? "?"]
    }

    /// A terminal table.
    public func table() -> String {
        guard !rows.isEmpty else { return "no rectification lists" }
        return TextTable(headers: Self.headers, rows: rows.map(cells), rightAligned: Set([3] + Array(5...11) + [13])).rendered()
    }

    /// CSV text (RFC 4180, CRLF; no byte-order mark, it is meant for stdout).
    public func csv() -> String {
        var bytes: [UInt8] = []
        for line in [Self.headers] + rows.map(cells) {
            for (index, cell) in line.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                CSVWriter.appendField(cell, to: &bytes)
            }
            bytes += [0x0D, 0x0A]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A JSON array, one object per list (keys in a fixed order; times in Beijing with offset).
    public func json() -> String {
        let objects = rows.map { row -> String in
            let rate = row.rate.map {
                "{\"numerator\":\($0.numerator),\"denominator\":\($0.denominator),\"percent\":\(JSONString.quote($0.percentText))}"
            } ?? "null"
            let fields: [(String, String)] = [
                ("province_code", JSONString.quote(row.provinceCode)),
                ("province_name", JSONString.quote(row.provinceName)),
                ("quarter", JSONString.quote(row.quarter.description)),
                ("list_id", String(row.listID)),
                ("official", row.official ? "true" : "false"),
                ("issued_at", JSONString.quote(BeijingTimeFormat.iso(row.issuedAt))),
                ("deadline", JSONString.quote(BeijingTimeFormat.humanDeadline(end: row.deadline))),
                ("deadline_end_exclusive", JSONString.quote(BeijingTimeFormat.iso(row.deadline))),
                ("items", String(row.items)),
                ("on_time", String(row.onTime)),
                ("late", String(row.late)),
                ("outstanding", String(row.outstanding)),
                ("overdue", String(row.overdue(now: now))),
                ("resolved", String(row.resolved)),
                ("rate", rate),
                ("working_days_left", row.workingDaysLeft.map(String.init) ?? "null"),
            ]
            return "{" + fields.map { "\(JSONString.quote($0.0)):\($0.1)" }.joined(separator: ",") + "}"
        }
        return "[" + objects.joined(separator: ",") + "]"
    }
}
