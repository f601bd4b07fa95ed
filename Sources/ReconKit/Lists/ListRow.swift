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
