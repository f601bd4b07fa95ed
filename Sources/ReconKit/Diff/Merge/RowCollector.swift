import PostgresClient
import ReconRules

/// Keeps the rows of one side's key group as ``DifferenceRow``s (at most
/// ``DifferenceRow/keptPerSide``), decoding a row's core fields from its COPY text only when it is
/// kept. Used by ``KeyedMerger`` for every difference that is not a field mismatch (issue 15).
///
/// The rows are kept **in a fixed order, whatever order the side's database returned them in**
/// (issue 25 case 12: the 第i/n条 numbering of a duplicate-key or empty-key item must not change
/// between runs over the same data): ordered by the row's stored values — its COPY text (key
/// columns, then core fields, as read) compared byte by byte — and, past
/// ``DifferenceRow/keptPerSide`` rows, the first ones in that order are kept, not the first read.
/// Rows with the same bytes are the same values, so their order among themselves shows nothing.
/// docs/rules.md, "Lists: every item locatable".
///
/// A kept value that is not UTF-8 (an SQL_ASCII registry) is never shown altered: the first one is
/// kept in ``invalid`` as ``DiffError/invalidText`` naming table, key and column, and the merge
/// stops on it when it reports the item (docs/rules.md, "What counts as a difference").
struct RowCollector {
    let side: DiffSide
    let keyCount: Int
    let fields: [FieldSpec]
    /// The record set (for naming a value that is not UTF-8); nil in tests that need no name.
    let recordSet: RecordSetSpec?
    /// The first kept value of the group that is not UTF-8.
    private(set) var invalid: DiffError?
    /// The kept rows, in the fixed order.
    var rows: [DifferenceRow] { kept.map { $0.row } }
    private var kept: [(order: [UInt8], row: DifferenceRow)] = []
    private var ranges: [Range<Int>] = []

    /// A collector for rows laid out as `keyCount` key columns then `fields`.
    init(side: DiffSide, keyCount: Int, fields: [FieldSpec], recordSet: RecordSetSpec? = nil) {
        self.side = side
        self.keyCount = keyCount
        self.fields = fields
        self.recordSet = recordSet
    }

    /// Forgets the rows of the previous group.
    mutating func reset() {
        if !kept.isEmpty { kept.removeAll(keepingCapacity: true) }
        invalid = nil
    }

    /// Places `row` (a COPY text row) among the kept rows by its bytes; when
    /// ``DifferenceRow/keptPerSide`` rows are kept already, the last in order is dropped (or `row`
    /// itself, when it would be last).
    mutating func add(_ row: UnsafeRawBufferPointer) {
        let order = Self.orderBytes(row)
        // The position after every kept row that is not greater (equal rows keep arrival order: same values).
        var low = 0, high = kept.count
        while low < high {
            let middle = (low + high) / 2
            if order.lexicographicallyPrecedes(kept[middle].order) { high = middle } else { low = middle + 1 }
        }
        guard low < DifferenceRow.keptPerSide else { return }
        let decoded = decode(row)
        kept.insert((order, decoded), at: low)
        if kept.count > DifferenceRow.keptPerSide { kept.removeLast() }
    }

    /// The row's bytes without a trailing newline (the ordering key).
    static func orderBytes(_ row: UnsafeRawBufferPointer) -> [UInt8] {
        var end = row.count
        if end > 0 && row[end - 1] == 0x0A { end -= 1 }
        return Array(row[0..<end])
    }

    /// The row's core fields.
    private mutating func decode(_ row: UnsafeRawBufferPointer) -> DifferenceRow {
        CopyText.split(row, into: &ranges)
        var values: [RowValue] = []
        values.reserveCapacity(fields.count)
        for (index, field) in fields.enumerated() {
            let position = keyCount + index
            let value: String?
            if position < ranges.count {
                switch CopyText.decodeExactly(UnsafeRawBufferPointer(rebasing: row[ranges[position]])) {
                case .null: value = nil
                case let .text(text): value = text
                case let .invalid(bytes):
                    value = String(decoding: bytes, as: UTF8.self)
                    if invalid == nil {
                        let key = KeyText.combined((0..<min(keyCount, ranges.count)).map {
                            CopyText.decode(UnsafeRawBufferPointer(rebasing: row[ranges[$0]]))
                        })
                        invalid = DiffError.invalidText(
                            recordSet: recordSet?.name ?? "?", side: side,
                            table: (side == .ministry ? recordSet?.ministryTable : recordSet?.provinceTable) ?? "?", key: key,
                            column: field.columnName(ministry: side == .ministry), bytes: InvalidBytes.describe(bytes))
                    }
                }
            } else {
                value = nil
            }
            values.append(RowValue(column: field.column, label: field.label, value: value))
        }
        return DifferenceRow(side: side, values: values)
    }
}
