import Foundation
import PostgresClient
import ReconRules

/// Finds the row and column behind a side's read that failed on bytes its database cannot give as
/// UTF-8 (SQLSTATE 22021: a registry in SQL_ASCII can hold any byte), so that the error names the
/// record set, side, table, key and column instead of only the side (docs/rules.md, "What counts as
/// a difference"). It re-reads the side's key and field columns raw, with `client_encoding` set to
/// SQL_ASCII so the server converts nothing, and checks each value in Swift.
enum BadBytesLocator {
    /// The side of a key value found not UTF-8 by the merge (after normalising), else nil.
    static func isInvalidKey(_ error: any Error, _ recordSet: RecordSetSpec) -> DiffSide? {
        guard case let DiffError.invalidText(_, side, _, _, column, _) = error,
              recordSet.key.contains(where: { $0.columnName(ministry: side == .ministry) == column }) else { return nil }
        return side
    }

    /// Whether `error` is a read failure of this kind.
    static func isEncodingFailure(_ error: any Error) -> DiffSide? {
        guard case let DiffError.readFailed(side, message) = error,
              message.contains("SQLSTATE 22021") || message.contains("SQLSTATE 22P05") else { return nil }
        return side
    }

    /// The first value of the side's rows that is not valid UTF-8, as ``DiffError/invalidText``;
    /// nil when it cannot be found (the caller keeps the original error). `keysOnly`: look at the
    /// key columns only (a key found invalid after normalising in SQL, which in an SQL_ASCII
    /// database works byte by byte and can change the bytes: the stored value is named instead).
    static func locate(_ recordSet: RecordSetSpec, side: DiffSide, conninfo: String?, provinceCode: String,
                       keysOnly: Bool = false) -> DiffError? {
        guard let conninfo, let connection = try? Connection(conninfo: conninfo, applicationName: "recon bad bytes") else { return nil }
        do {
            try connection.executeSimple("SET client_encoding = 'SQL_ASCII'")
            let ministry = side == .ministry
            let columns = recordSet.allColumns.map { $0.columnName(ministry: ministry) }
            let table = ministry ? recordSet.ministryTable : recordSet.provinceTable
            var select = "SELECT \(columns.map(SQLText.identifier).joined(separator: ", ")) FROM \(try SQLText.qualifiedTable(table))"
            let query = try DiffQuery(recordSet)
            select += " " + (ministry ? query.ministryFilter(provinceCode: provinceCode) : query.provinceFilter)
            let stream = try connection.copyOut("COPY (\(select)) TO STDOUT")
            var ranges: [Range<Int>] = []
            let keyCount = recordSet.key.count
            // Each row gives the error it holds or nil; `next` adds one more level (nil: no more rows).
            // (Before issue 25 case 12 a row without an error ended the search: only a bad first row was named.)
            while let found = try stream.next({ raw -> DiffError? in
                var end = raw.count
                if end > 0 && raw[end - 1] == 0x0A { end -= 1 }
                let row = UnsafeRawBufferPointer(rebasing: raw[0..<end])
                CopyText.split(row, into: &ranges)
                for (index, range) in ranges.enumerated() where index < (keysOnly ? keyCount : columns.count) {
                    guard case let .invalid(bytes) = CopyText.decodeExactly(UnsafeRawBufferPointer(rebasing: row[range])) else { continue }
                    let key = KeyText.combined(ranges.prefix(keyCount).map { CopyText.decode(UnsafeRawBufferPointer(rebasing: row[$0])) })
                    return DiffError.invalidText(recordSet: recordSet.name, side: side, table: table, key: key,
                                                 column: columns[index], bytes: InvalidBytes.describe(bytes))
                }
                return nil
            }) {
                if let error = found {
                    try? stream.cancel()
                    return error
                }
            }
        } catch {
            return nil
        }
        return nil
    }
}
