import XlsxWriter

/// The files of a `ResultTable`, written the same way for the bulletin and every 公示稿/修正稿:
/// docs/rules.md, "The bulletin and the 公示稿".
extension ResultTable {
    /// Writes `<stem>.csv` (UTF-8 with BOM): a plain table, the header on the first line (the title
    /// is in the file name); returns its path.
    func writeCSV(folder: String, stem: String) throws -> String {
        try ResultFiles.writeAtomically(folder: folder, name: stem + ".csv") { partial in
            let writer = try CSVWriter(path: partial)
            try writer.writeRow(csvHeader)
            for row in csvRows { try writer.writeRow(row) }
            try writer.close()
        }
    }

    /// Writes `<stem>.xlsx`: one sheet named `sheet`, the table as `ResultSheet` prints it (A4
    /// landscape) — one sheet, so that the whole file prints as the document; returns its path.
    func writeXLSX(folder: String, stem: String, sheet: String) throws -> String {
        try ResultFiles.writeAtomically(folder: folder, name: stem + ".xlsx") { partial in
            let workbook = try Workbook(path: partial, constantMemory: false)
            try ResultSheet.write(self, into: workbook, name: sheet)
            try workbook.close()
        }
    }
}
