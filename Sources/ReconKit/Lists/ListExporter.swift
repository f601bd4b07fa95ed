import Foundation
import PostgresClient
import XlsxWriter
import ReconRules

/// Writes a rectification list (整改清单) to a file a province can work with: CSV (UTF-8 with BOM,
/// RFC 4180, CRLF) or XLSX (constant memory; summary sheet 汇总, one sheet per record set, header
/// frozen, widths set, identifiers as text). Named `整改清单_<province>_<quarter>_<list>.csv|xlsx`.
///
/// The rows are streamed from the database with `COPY … TO STDOUT` inside one read-only
/// REPEATABLE READ transaction (the summary counts and the rows are one snapshot, even while
/// `recon track` updates the list), so memory stays bounded for millions of items. The file is
/// written under a temporary name and renamed when complete: a failed export leaves no half file.
/// Times are Beijing time; the deadline is shown as the last second of the 5th working day.
public struct ListExporter {
    let connection: Connection
    let recordSets: [RecordSetSpec]
    let rowsPerSheet: Int

    /// An exporter.
    /// - Parameters:
    ///   - recordSets: the configured record sets (Chinese labels of sets and keys).
    ///   - rowsPerSheet: rows an XLSX sheet may hold, header included (Excel's 1,048,576; tests pass
    ///     a small number to exercise the split).
    public init(connection: Connection, recordSets: [RecordSetSpec] = RecordSetSpec.reference,
                rowsPerSheet: Int = ExcelLimits.maxRows) {
        self.connection = connection
        self.recordSets = recordSets
        self.rowsPerSheet = min(max(2, rowsPerSheet), ExcelLimits.maxRows)
    }

    /// Exports list `listID` into `directory`.
    /// - Parameters:
    ///   - now: the time of the export (整改状态 待整改 vs 已逾期未上传, 导出时间).
    ///   - downloadedBy: when given, the export is recorded as a download by this name
    ///     (`recon.list_downloads`, and `first_download_at` when it is the first).
    ///   - csvStyle: how CSV cells are written (``CSVCellStyle``; `raw` files are named `…_raw.csv`).
    ///   - outstandingOnly: only the items still to rectify (待整改), in `…_待整改.csv|xlsx`.
    ///   - filter: only the items it selects (the portal's "download what I see"), in `…_筛选.csv|xlsx`.
    ///   - countsAsReceipt: whether a recorded download is the province's receipt (接收时间,
    ///     `first_download_at`): false for the ministry's own downloads (docs/rules.md *11*).
    public func export(listID: Int64, format: ListFormat, to directory: String, now: Date = Date(),
                       downloadedBy: String? = nil, csvStyle: CSVCellStyle = .spreadsheetSafe,
                       outstandingOnly: Bool = false, filter: ListItemFilter? = nil,
                       countsAsReceipt: Bool = true) throws -> ExportedList {
        try export(try ListStore(connection: connection).list(id: listID), format: format, to: directory,
                   now: now, downloadedBy: downloadedBy, csvStyle: csvStyle, outstandingOnly: outstandingOnly,
                   filter: filter, countsAsReceipt: countsAsReceipt)
    }

    /// Exports the list a province answers for a quarter (the official one, else the latest).
    public func export(province: String, quarter: Quarter, format: ListFormat, to directory: String, now: Date = Date(),
                       downloadedBy: String? = nil, csvStyle: CSVCellStyle = .spreadsheetSafe,
                       outstandingOnly: Bool = false) throws -> ExportedList {
        try export(try ListStore(connection: connection).list(province: province, quarter: quarter), format: format,
                   to: directory, now: now, downloadedBy: downloadedBy, csvStyle: csvStyle, outstandingOnly: outstandingOnly)
    }

    /// Exports `list`.
    func export(_ list: RectificationList, format: ListFormat, to directory: String, now: Date,
                downloadedBy: String?, csvStyle: CSVCellStyle = .spreadsheetSafe, outstandingOnly: Bool = false,
                filter: ListItemFilter? = nil, countsAsReceipt: Bool = true) throws -> ExportedList {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ListError.cannotWrite(path: directory, reason: "no such directory")
        }
        let raw = format == .csv && csvStyle == .raw
        let filtered = filter.map { !$0.isEmpty } ?? false
        let name = "\(list.fileStem)\(outstandingOnly ? "_待整改" : "")\(filtered ? "_筛选" : "")\(raw ? "_raw" : "").\(format.fileExtension)"
        let path = (directory as NSString).appendingPathComponent(name)
        let partial = (directory as NSString).appendingPathComponent(".\(name).partial")
        var formatter = ListRowFormatter(list: list, recordSets: recordSets, now: now)
        formatter.csvStyle = csvStyle
        formatter.outstandingOnly = outstandingOnly
        if let filter, filtered {
            formatter.itemCondition = try filter.condition(deadline: list.deadline, now: now, quoting: connection)
        }
        let written: (items: Int, rows: Int, sheets: [String])
        do {
            written = try connection.transaction { db in
                try db.executeSimple("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                switch format {
                case .csv:
                    let counts = try ListCSVWriter(formatter: formatter).write(to: partial, from: db)
                    return (counts.items, counts.rows, [])
                case .xlsx:
                    let summary = try ListSummary.read(listID: list.id, condition: formatter.itemCondition, on: db)
                    return try ListXLSXWriter(formatter: formatter, summary: summary, rowLimit: rowsPerSheet)
                        .write(to: partial, from: db)
                }
            }
            guard rename(partial, path) == 0 else {
                throw ListError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
        } catch {
            unlink(partial)
            throw error
        }
        if let downloadedBy {
            try connection.transaction { db in
                try db.execute("INSERT INTO recon.list_downloads (list_id, downloaded_at, who, format) VALUES ($1, $2::timestamptz, $3, $4)",
                               [String(list.id), BeijingTimeFormat.sql(now), downloadedBy, format.rawValue])
                // 接收时间 is the province's first download; the ministry's own downloads do not set it.
                if countsAsReceipt {
                    try db.execute("UPDATE recon.lists SET first_download_at = $2::timestamptz WHERE id = $1 AND first_download_at IS NULL",
                                   [String(list.id), BeijingTimeFormat.sql(now)])
                }
            }
        }
        return ExportedList(path: path, list: list, format: format, items: written.items, rows: written.rows,
                            sheets: written.sheets)
    }
}
