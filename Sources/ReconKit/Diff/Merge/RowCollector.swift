import PostgresClient
import ReconRules

/// Keeps the rows of one side's key group as ``DifferenceRow``s (at most
/// ``DifferenceRow/keptPerSide``), decoding a row's core fields from its COPY text only when it is
/// kept. Used by ``KeyedMerger`` for every difference that is not a field mismatch (issue 15).
struct RowCollector {
    let side: DiffSide
    let keyCount: Int
    let fields: [FieldSpec]
    private(set) var rows: [DifferenceRow] = []
    private var ranges: [Range<Int>] = []

    /// A collector for rows laid out as `keyCount` key columns then `fields`.
    init(side: DiffSide, keyCount: Int, fields: [FieldSpec]) {
        self.side = side
        self.keyCount = keyCount
        self.fields = fields
    }

    /// Forgets the rows of the previous group.
    mutating func reset() {
        if !rows.isEmpty { rows.removeAll(keepingCapacity: true) }
    }

    /// Keeps `row` (a COPY text row) unless ``DifferenceRow/keptPerSide`` rows are kept already.
    mutating func add(_ row: UnsafeRawBufferPointer) {
        guard rows.count < DifferenceRow.keptPerSide else { return }
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
                case let .invalid(bytes): value = String(decoding: bytes, as: UTF8.self)
                }
            } else {
                value = nil
            }
            values.append(RowValue(column: field.column, label: field.label, value: value))
        }
        rows.append(DifferenceRow(side: side, values: values))
    }
}
