import Foundation
import PostgresClient
import ReconRules

/// Normalises the key columns of COPY-text rows in Swift (issue 18: "Normalise keys in Swift rather
/// than per row in SQL"), for a side read in raw-key order (``KeyReadPlan``).
///
/// A row is *moved* when its key sorts elsewhere once normalised: a key column is NULL (raw NULLs
/// sort last in an index, normalised ones first) or the key's normalisers change a column's value.
/// Moved rows are taken out of the ordered stream and merged back at their normalised place
/// (``SideStreamSource``). The pipelines are the same `NormaliserPipeline`s the SQL form mirrors
/// (docs/rules.md, "Keys"), so the normalised key equals what ``KeyNormalisationSQL`` computes.
final class KeyNormaliser {
    let keyCount: Int
    private let pipelines: [NormaliserPipeline]
    /// Per key column: read from an integer column, whose text only `zeroAsNull` changes (`0`);
    /// see ``DiffQuery/movedCondition(_:notNull:integerColumns:)``.
    private let integerColumns: [Bool]
    private let zeroAsNull: [Bool]
    private var unescaped: [UInt8] = []
    private var normalised: [UInt8] = []

    /// A normaliser of the first `keys.count` columns of each row, each by its pipeline.
    init(keys: [FieldSpec], integerColumns: [Bool] = []) {
        keyCount = keys.count
        pipelines = keys.map { NormaliserPipeline($0.normalisers) }
        self.integerColumns = integerColumns.count == keys.count ? integerColumns : Array(repeating: false, count: keys.count)
        zeroAsNull = keys.map { $0.normalisers.contains(.zeroAsNull) }
        unescaped.reserveCapacity(256)
        normalised.reserveCapacity(256)
    }

    /// Whether the row's key is NULL somewhere or changed by normalising.
    func isMoved(_ row: UnsafeRawBufferPointer) -> Bool {
        var start = 0
        for column in 0..<keyCount {
            let end = KeyComparator.fieldEnd(row, from: start)
            let field = UnsafeRawBufferPointer(rebasing: row[min(start, row.count)..<end])
            if CopyText.isNull(field) { return true }
            if integerColumns[column] {
                if zeroAsNull[column], field.count == 1, field[0] == 0x30 { return true }
                start = end + 1
                continue
            }
            let pipeline = pipelines[column]
            if !pipeline.isIdentity, Self.mayChange(field), changes(field, pipeline) { return true }
            start = end + 1
        }
        return false
    }

    /// Whether a raw field could be changed by any key normaliser: it holds a byte some character
    /// step rewrites (a–z, white space or an escape, the lead byte of U+3000 or of a full-width
    /// form), starts with `0` (numericCode, zeroAsNull), or is short enough to be a NULL
    /// placeholder or empty. A cheap test before the exact one (``changes(_:_:)``).
    @inline(__always)
    static func mayChange(_ field: UnsafeRawBufferPointer) -> Bool {
        if field.count <= 6 { return true }  // the longest placeholder (暂无, ——) is 6 bytes
        if field[0] == 0x30 { return true }
        for byte in field {
            if byte >= 0x61 && byte <= 0x7A { return true }
            if byte == 0x20 || byte == 0x5C || byte == 0xE3 || byte == 0xEF { return true }
        }
        return false
    }

    /// Whether `pipeline` changes the raw COPY field (NULL result included).
    private func changes(_ field: UnsafeRawBufferPointer, _ pipeline: NormaliserPipeline) -> Bool {
        if KeyComparator.containsBackslash(field) {
            CopyText.unescape(field, into: &unescaped)
            return unescaped.withUnsafeBytes { changesValue($0, pipeline) }
        }
        return changesValue(field, pipeline)
    }

    private func changesValue(_ value: UnsafeRawBufferPointer, _ pipeline: NormaliserPipeline) -> Bool {
        guard pipeline.apply(value, into: &normalised) else { return true }
        return !normalised.withUnsafeBytes { KeyComparator.compareBytes($0, value) == 0 }
    }

    /// The row with its key columns normalised (COPY text; NULL as `\N`), the other columns as they are.
    func normalisedRow(_ row: UnsafeRawBufferPointer) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(row.count + 8)
        var start = 0
        for column in 0..<keyCount {
            let end = KeyComparator.fieldEnd(row, from: start)
            let field = UnsafeRawBufferPointer(rebasing: row[min(start, row.count)..<end])
            if column > 0 { out.append(0x09) }
            if CopyText.isNull(field) {
                out.append(contentsOf: [0x5C, 0x4E])
            } else {
                let escaped = KeyComparator.containsBackslash(field)
                if escaped { CopyText.unescape(field, into: &unescaped) }
                let isValue = escaped ? unescaped.withUnsafeBytes { pipelines[column].apply($0, into: &normalised) }
                                      : pipelines[column].apply(field, into: &normalised)
                if isValue {
                    normalised.withUnsafeBytes { CopyText.appendEscaped(raw: $0, to: &out) }
                } else {
                    out.append(contentsOf: [0x5C, 0x4E])
                }
            }
            start = end + 1
        }
        if start <= row.count {
            out.append(0x09)
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: row[start...]))
        }
        return out
    }
}
