import Foundation
import PostgresClient
import ReconRules

/// Compares the core fields (注3) of two rows with the same key, after normalising each field
/// with its pipeline (issue 5: "Values are compared after normalising; lists show the raw values").
///
/// Fast path: when everything after the key columns is byte-identical on both sides — the usual
/// case — there is nothing to split or normalise. Otherwise each field is compared: identical raw
/// bytes are equal; else the values are unescaped (only when they contain a backslash) and handed
/// to the field's `NormaliserPipeline`.
final class FieldComparator {
    let keyCount: Int
    let fields: [FieldSpec]
    private let pipelines: [NormaliserPipeline]
    private var scratch = NormaliserPipeline.Scratch(capacity: 256)
    private var left: [UInt8] = []
    private var right: [UInt8] = []
    private var leftRanges: [Range<Int>] = []
    private var rightRanges: [Range<Int>] = []

    /// The record set (tables and column names for messages), when known.
    let recordSet: RecordSetSpec?

    /// A comparator of rows laid out as `keyCount` key columns then `fields`.
    init(keyCount: Int, fields: [FieldSpec], recordSet: RecordSetSpec? = nil) {
        self.keyCount = keyCount
        self.fields = fields
        self.recordSet = recordSet
        pipelines = fields.map { NormaliserPipeline($0.normalisers) }
        left.reserveCapacity(256)
        right.reserveCapacity(256)
    }

    /// Whether the fields after the key columns are byte-identical (`aStart`/`bStart`: where they start).
    @inline(__always)
    static func tailsIdentical(_ a: UnsafeRawBufferPointer, from aStart: Int,
                               _ b: UnsafeRawBufferPointer, from bStart: Int) -> Bool {
        let aLength = a.count - aStart, bLength = b.count - bStart
        guard aLength == bLength else { return false }
        guard aLength > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return memcmp(pa + aStart, pb + bStart, aLength) == 0
    }

    /// The fields that differ between ministry row `m` and province row `p` (empty when none),
    /// with their raw values. `mRow`/`pRow` are the rows' positions, for error messages.
    func differences(ministry m: UnsafeRawBufferPointer, province p: UnsafeRawBufferPointer,
                     keyEnds: (Int, Int), rows: (Int, Int)) throws -> [FieldDifference] {
        if fields.isEmpty || Self.tailsIdentical(m, from: keyEnds.0, p, from: keyEnds.1) { return [] }
        CopyText.split(m, into: &leftRanges)
        CopyText.split(p, into: &rightRanges)
        let expected = keyCount + fields.count
        guard leftRanges.count == expected else {
            throw DiffError.columnCount(side: .ministry, row: rows.0, expected: expected, found: leftRanges.count)
        }
        guard rightRanges.count == expected else {
            throw DiffError.columnCount(side: .province, row: rows.1, expected: expected, found: rightRanges.count)
        }
        var found: [FieldDifference] = []
        for index in 0..<fields.count {
            let a = UnsafeRawBufferPointer(rebasing: m[leftRanges[keyCount + index]])
            let b = UnsafeRawBufferPointer(rebasing: p[rightRanges[keyCount + index]])
            if FieldComparator.tailsIdentical(a, from: 0, b, from: 0) { continue }
            if !equal(a, b, pipeline: pipelines[index]) {
                found.append(FieldDifference(column: fields[index].column, label: fields[index].label,
                                             ministry: try exact(a, side: .ministry, row: m, ranges: leftRanges, field: index),
                                             province: try exact(b, side: .province, row: p, ranges: rightRanges, field: index)))
            }
        }
        return found
    }

    /// A differing value exactly as stored, or ``DiffError/invalidText`` naming where it is.
    private func exact(_ field: UnsafeRawBufferPointer, side: DiffSide, row: UnsafeRawBufferPointer,
                       ranges: [Range<Int>], field index: Int) throws -> String? {
        switch CopyText.decodeExactly(field) {
        case .null: return nil
        case let .text(text): return text
        case let .invalid(bytes):
            let key = KeyText.combined((0..<keyCount).map { CopyText.decode(UnsafeRawBufferPointer(rebasing: row[ranges[$0]])) })
            throw DiffError.invalidText(
                recordSet: recordSet?.name ?? "?", side: side,
                table: (side == .ministry ? recordSet?.ministryTable : recordSet?.provinceTable) ?? "?", key: key,
                column: fields[index].columnName(ministry: side == .ministry), bytes: InvalidBytes.describe(bytes))
        }
    }

    /// Whether two raw COPY fields are equal after normalising.
    private func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, pipeline: NormaliserPipeline) -> Bool {
        let aNull = CopyText.isNull(a), bNull = CopyText.isNull(b)
        let aEscaped = !aNull && KeyComparator.containsBackslash(a)
        let bEscaped = !bNull && KeyComparator.containsBackslash(b)
        if aEscaped { CopyText.unescape(a, into: &left) }
        if bEscaped { CopyText.unescape(b, into: &right) }
        return withValue(a, isNull: aNull, escaped: aEscaped, buffer: left) { va in
            withValue(b, isNull: bNull, escaped: bEscaped, buffer: right) { vb in
                pipeline.equal(va, vb, scratch: &scratch)
            }
        }
    }

    /// Calls `body` with the value of a field: nil for NULL, the unescaped copy, or the raw bytes.
    @inline(__always)
    private func withValue<R>(_ raw: UnsafeRawBufferPointer, isNull: Bool, escaped: Bool, buffer: [UInt8],
                              _ body: (UnsafeRawBufferPointer?) -> R) -> R {
        if isNull { return body(nil) }
        if escaped { return buffer.withUnsafeBytes { body($0) } }
        return body(raw)
    }
}
