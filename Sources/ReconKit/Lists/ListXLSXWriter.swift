import Foundation
import PostgresClient
import XlsxWriter
import ReconRules

/// Writes a list as an XLSX workbook in libxlsxwriter's constant-memory mode: the summary sheet
/// 汇总 first, then one sheet per record set of the run (经营业户, 从业人员, 营运车辆 — an empty set
/// gets an empty sheet), each split into `营运车辆(2)`… beyond `rowLimit` rows (header included).
struct ListXLSXWriter {
    let formatter: ListRowFormatter
    let summary: ListSummary
    let rowLimit: Int

    /// Streams the list's rows from `db` into `path`; returns (items, rows, sheet names).
    func write(to path: String, from db: Connection) throws -> (items: Int, rows: Int, sheets: [String]) {
        let list = formatter.list
        let recordSets = formatter.recordSets
        // Created at the export's `now`: the same list exported at the same instant is the same file
        // (the portal's download is byte-identical to `recon lists export --now`).
        let workbook = try Workbook(path: path, constantMemory: true, created: formatter.now)
        do {
            let summarySheet = ListSummarySheet(list: list, summary: summary, recordSets: recordSets,
                                                now: formatter.now, rowLimit: rowLimit)
            let summaryWorksheet = try summarySheet.write(into: workbook)
            var truncated = 0  // cells cut at Excel's limit, over every data sheet
            let planned = summarySheet.setsInOrder
            var nextPlanned = 0
            var sequence: SheetSequence? = nil
            var currentSet: String? = nil
            var pending: [[Cell]] = []
            var items = 0, rows = 0

            func open(_ name: String) throws -> SheetSequence {
                let opened = try SheetSequence(workbook: workbook, baseName: ListLabels.recordSet(name, in: recordSets), rowLimit: rowLimit,
                                               headers: ListColumn.headers(keyLabels: recordSets.first { $0.name == name }?.key.map(\.label) ?? []))
                opened.onFinish = { truncated += $0 }
                return opened
            }
            func flushItem() throws {
                guard !pending.isEmpty, let sequence else { return }
                try sequence.writeItem(pending)
                pending.removeAll(keepingCapacity: true)
            }
            /// Finishes the current set's sheets and opens the sheets up to and including `name`.
            func switchTo(_ name: String) throws {
                try flushItem()
                try sequence?.finish()
                while nextPlanned < planned.count, planned[nextPlanned] != name {
                    try open(planned[nextPlanned]).finish()  // a planned set without items: an empty sheet
                    nextPlanned += 1
                }
                if nextPlanned < planned.count { nextPlanned += 1 }
                sequence = try open(name)
                currentSet = name
            }

            var lastItem: Int? = nil
            try ListRowStream(connection: db).forEachRow(listID: list.id, outstandingOnly: formatter.outstandingOnly,
                                                   condition: formatter.itemCondition) { row in
                if row.recordSet != currentSet { try switchTo(row.recordSet) }
                if row.itemNo != lastItem {
                    try flushItem()
                    items += 1
                    lastItem = row.itemNo
                }
                pending.append(formatter.cells(row))
                rows += 1
            }
            try flushItem()
            try sequence?.finish()
            while nextPlanned < planned.count {
                try open(planned[nextPlanned]).finish()
                nextPlanned += 1
            }
            try ListSummarySheet.writeTruncationNote(summaryWorksheet, truncated: truncated)
            let sheets = workbook.sheetNames
            try workbook.close()
            return (items, rows, sheets)
        } catch {
            workbook.discard()
            throw error
        }
    }
}
