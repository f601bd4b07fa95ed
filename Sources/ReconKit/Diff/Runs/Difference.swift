/// One core field that differs for a key: its column, 中文 label, and both raw values as stored
/// (nil = NULL). Lists show raw values; the comparison was made after normalising.
import ReconRules

public struct FieldDifference: Sendable, Hashable, Codable {
    /// The column name.
    public var column: String
    /// The 中文 label.
    public var label: String
    /// The ministry's raw value (部).
    public var ministry: String?
    /// The province's raw value (省).
    public var province: String?

    /// A field difference.
    public init(column: String, label: String, ministry: String?, province: String?) {
        self.column = column
        self.label = label
        self.ministry = ministry
        self.province = province
    }
}

/// One differing key of a record set, with its single category (a key counts once).
public struct Difference: Sendable, Hashable {
    /// 1-based position among the set's differences, in key order.
    public var seq: Int
    /// The normalised key, one value per key column (nil = NULL).
    public var key: [String?]
    /// The key's primary finding.
    public var category: DiffCategory
    /// Rows with this key at the ministry.
    public var ministryCount: Int
    /// Rows with this key at the province.
    public var provinceCount: Int
    /// For `fieldMismatch`: the unequal fields with both raw values; empty otherwise.
    public var fields: [FieldDifference]
    /// For the other categories: the rows with this key (at most ``DifferenceRow/keptPerSide`` per
    /// side), ministry's first; empty for `fieldMismatch`.
    public var rows: [DifferenceRow]
    /// The suspected same record this item is paired with, if any (set after the merge).
    public var suspect: SuspectPair?

    /// A difference.
    public init(seq: Int, key: [String?], category: DiffCategory, ministryCount: Int, provinceCount: Int,
                fields: [FieldDifference] = [], rows: [DifferenceRow] = [], suspect: SuspectPair? = nil) {
        self.rows = rows
        self.suspect = suspect
        self.seq = seq
        self.key = key
        self.category = category
        self.ministryCount = ministryCount
        self.provinceCount = provinceCount
        self.fields = fields
    }

    /// The key as one line (`recon.differences.key_text`), unambiguous: see ``KeyText``.
    public var keyText: String { KeyText.combined(key) }

    /// How many rows had this key on both sides (``rows`` keeps at most 50 per side).
    public var rowsTotal: Int { category == .fieldMismatch ? 0 : ministryCount + provinceCount }
}
