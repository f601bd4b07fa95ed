import PostgresClient
import ReconRules

/// Fetches one side's rows whose key moves when normalised (issue 18), on the reader's thread
/// before its ordered read: the rows ``DiffQuery/movedCopy(_:provinceCode:notNull:)`` selects,
/// kept only where ``KeyNormaliser/isMoved(_:)`` says so (the SQL condition may select more),
/// with normalised keys, sorted.
enum MovedRowsFetch {
    /// Fills `rows`; false (and `rows` emptied) when they exceed `bound` bytes — the side is then
    /// read with keys normalised in SQL.
    static func run(_ statement: String, on connection: Connection, into rows: MovedRows, recordSet: RecordSetSpec,
                    integerColumns: [Bool], bound: Int) throws -> Bool {
        let normaliser = KeyNormaliser(keys: recordSet.key, integerColumns: integerColumns)
        var kept: [[UInt8]] = []
        var bytes = 0
        var over = false
        // Cancelling the fetch aborts the statement: the savepoint keeps the snapshot's
        // transaction usable for the ordered read that follows.
        try connection.executeSimple("SAVEPOINT recon_moved_rows")
        let stream = try connection.copyOut(statement)
        while try stream.next({ line -> Bool in
            var row = line
            if row.count > 0, row[row.count - 1] == 0x0A { row = UnsafeRawBufferPointer(rebasing: row[0..<(row.count - 1)]) }
            guard normaliser.isMoved(row) else { return true }
            let normalised = normaliser.normalisedRow(row)
            bytes += normalised.count + 32
            if bytes > bound { over = true; return false }
            kept.append(normalised)
            return true
        }) == true {}
        if over {
            try? stream.cancel()
            try connection.executeSimple("ROLLBACK TO SAVEPOINT recon_moved_rows")
            rows.fallBack()
            return false
        }
        try connection.executeSimple("RELEASE SAVEPOINT recon_moved_rows")
        rows.set(kept, keys: KeyComparator(keyCount: recordSet.key.count, integerColumns: integerColumns))
        return true
    }
}
