/// Where the merge gets one side's rows: batches in key order, given back when done with.
///
/// The database reader (``BatchChannel`` fed by ``CopyReader``) and the in-memory source of the
/// tests both conform.
import ReconRules

protocol RowBatchSource: AnyObject {
    /// The next batch, or nil at the end of the data. Throws the reader's failure.
    func nextBatch() throws -> RowBatch?
    /// Gives a batch back for reuse once the merge no longer looks at its rows.
    func recycle(_ batch: RowBatch)
}

/// Rows held in memory, served in batches of `rowsPerBatch` (small batches test the merge's
/// handling of batch boundaries). For tests and small uses.
final class InMemoryRowSource: RowBatchSource {
    private var rows: [[UInt8]]
    private var position = 0
    private let rowsPerBatch: Int
    /// Batches handed out and not yet given back.
    private(set) var outstanding = 0

    /// A source of COPY-text rows (without final newline).
    init(rows: [[UInt8]], rowsPerBatch: Int = 3) {
        self.rows = rows
        self.rowsPerBatch = max(1, rowsPerBatch)
    }

    /// A source of rows given as text lines (COPY text format: tab-separated, `\N` for NULL).
    convenience init(lines: [String], rowsPerBatch: Int = 3) {
        self.init(rows: lines.map { Array($0.utf8) }, rowsPerBatch: rowsPerBatch)
    }

    func nextBatch() throws -> RowBatch? {
        guard position < rows.count else { return nil }
        let batch = RowBatch(byteCapacity: 64, rowCapacity: rowsPerBatch)
        while position < rows.count, batch.count < rowsPerBatch {
            if !batch.append(rows[position]) { break }
            position += 1
        }
        outstanding += 1
        return batch
    }

    func recycle(_ batch: RowBatch) {
        outstanding -= 1
        // Scribble over the rows, so that a use after recycling shows up in the tests.
        for offset in 0..<batch.byteCount { batch.bytes.storeBytes(of: 0xAA, toByteOffset: offset, as: UInt8.self) }
    }
}
