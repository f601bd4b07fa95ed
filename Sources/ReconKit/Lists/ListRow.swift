import Foundation
import ReconRules

/// One row of an exported list: an item, or one differing field of a 核心字段不一致 item (see
/// `ListColumn` for why one row per field).
public struct ListRow: Sendable, Hashable {
    /// 序号.
    public var itemNo: Int
    /// The record set's machine name (`vehicles`).
    public var recordSet: String
    /// The normalised key, columns joined by ` / `.
    public var keyText: String
    /// The stored category (`field_mismatch`, …).
    public var category: String
    /// Rows with the key at the ministry / at the province when the run reconciled.
    public var ministryCount: Int
    /// Rows with the key at the province when the run reconciled.
    public var provinceCount: Int
    /// The differing field's 中文 label (nil for an item without differing fields).
    public var fieldLabel: String?
    /// The field's raw ministry value (nil = NULL).
    public var ministryValue: String?
    /// The field's raw province value (nil = NULL).
    public var provinceValue: String?
    /// The re-upload tracking saw, if any.
    public var reuploadedAt: Date?
    /// How the item was answered.
    public var reuploadKind: ReuploadKind?
    /// The ministry's record now matches the province's.
    public var resolved: Bool
    /// For an item that is not a field mismatch: one of its rows (side and core fields), its
    /// position among the side's rows and how many the side had.
    public var record: (side: DiffSide, values: [RowValue], number: Int, of: Int)? {
        get { recordStorage.map { ($0.side, $0.values, $0.number, $0.of) } }
        set { recordStorage = newValue.map { RecordPart(side: $0.side, values: $0.values, number: $0.number, of: $0.of) } }
    }
    var recordStorage: RecordPart?
    /// The 序号 of the other item of a suspected same record, and the hint.
    public var suspectItemNo: Int?
    /// e.g. `疑似同一记录：车牌颜色代码不一致`.
    public var suspectHint: String?

    struct RecordPart: Sendable, Hashable {
        var side: DiffSide
        var values: [RowValue]
        var number: Int
        var of: Int
    }

    /// A row.
    public init(itemNo: Int, recordSet: String, keyText: String, category: String, ministryCount: Int, provinceCount: Int,
                fieldLabel: String? = nil, ministryValue: String? = nil, provinceValue: String? = nil,
                reuploadedAt: Date? = nil, reuploadKind: ReuploadKind? = nil, resolved: Bool = false) {
        self.itemNo = itemNo
        self.recordSet = recordSet
        self.keyText = keyText
        self.category = category
        self.ministryCount = ministryCount
        self.provinceCount = provinceCount
        self.fieldLabel = fieldLabel
        self.ministryValue = ministryValue
        self.provinceValue = provinceValue
        self.reuploadedAt = reuploadedAt
        self.reuploadKind = reuploadKind
        self.resolved = resolved
    }
}
