/// The rows behind a difference that is not a field mismatch, so that a province can find the
/// item in its own system (issue 15: "for 部有省无/省有部无 the existing side's core fields; for
/// duplicates one row per duplicated row with its values; for empty keys the row's other fields").
/// Stored in `recon.differences.rows` and `recon.list_items.rows` (0008_item_rows.sql).
import ReconRules

/// One core field of a row: column, 中文 label and the raw value as stored (nil = NULL).
public struct RowValue: Sendable, Hashable, Codable {
    /// The column name (the record set's name for the field).
    public var column: String
    /// The 中文 label.
    public var label: String
    /// The raw value (nil = NULL); bytes that are not UTF-8 show as U+FFFD.
    public var value: String?

    /// A value.
    public init(column: String, label: String, value: String?) {
        self.column = column
        self.label = label
        self.value = value
    }
}

/// One row of one side with the key of a difference.
public struct DifferenceRow: Sendable, Hashable, Codable {
    /// `ministry` or `province`.
    public var side: String
    /// The row's core fields, in the record set's order.
    public var values: [RowValue]

    /// A row.
    public init(side: DiffSide, values: [RowValue]) {
        self.side = side.rawValue
        self.values = values
    }

    /// The most rows kept per side and difference (a key duplicated 10,000 times keeps 50).
    public static let keptPerSide = 50
}

/// The other item of a suspected same record (疑似同一记录) and the hint shown with both.
public struct SuspectPair: Sendable, Hashable {
    /// The paired difference's seq in the same run and record set.
    public var partnerSeq: Int
    /// e.g. `疑似同一记录：车牌颜色代码不一致`.
    public var hint: String

    /// A pair.
    public init(partnerSeq: Int, hint: String) {
        self.partnerSeq = partnerSeq
        self.hint = hint
    }
}
