import Foundation
import ReconRules

/// A list item as tracking sees it: still open (not re-uploaded, or not resolved).
public struct TrackedItem: Sendable, Hashable {
    /// 序号.
    public var itemNo: Int
    /// The item's difference category.
    public var category: DiffCategory
    /// Rows with the key at the ministry when the run reconciled.
    public var ministryCount: Int
    /// The normalised key, one value per key column (nil = empty).
    public var key: [String?]
    /// The re-upload already recorded, if any (kept once seen).
    public var reuploadedAt: Date?
    /// Already recorded as resolved (kept once seen).
    public var resolved: Bool
    /// The first upload that updated the record already recorded, if any (kept once seen).
    public var updatedAt: Date?
    /// The ministry's raw values at reconciliation of the fields that differed (核心字段不一致),
    /// by column: what an upload must change to count as an update.
    public var reconciledMinistry: [String: String?]

    /// An item.
    public init(itemNo: Int, category: DiffCategory, ministryCount: Int, key: [String?], reuploadedAt: Date? = nil,
                resolved: Bool = false, updatedAt: Date? = nil, reconciledMinistry: [String: String?] = [:]) {
        self.itemNo = itemNo
        self.category = category
        self.ministryCount = ministryCount
        self.key = key
        self.reuploadedAt = reuploadedAt
        self.resolved = resolved
        self.updatedAt = updatedAt
        self.reconciledMinistry = reconciledMinistry
    }
}

/// What tracking newly learnt about an item; nil fields are unchanged.
public struct ItemUpdate: Sendable, Hashable {
    /// 序号.
    public var itemNo: Int
    /// The first re-upload seen (its 报送时间, or the check time for a vanished row).
    public var reuploadedAt: Date?
    /// How it was answered.
    public var kind: ReuploadKind?
    /// When it was first seen resolved (the check time).
    public var resolvedAt: Date?
    /// The first upload seen that updated the record or resolved the item (its 报送时间).
    public var updatedAt: Date?

    /// An update.
    public init(itemNo: Int, reuploadedAt: Date? = nil, kind: ReuploadKind? = nil, resolvedAt: Date? = nil, updatedAt: Date? = nil) {
        self.itemNo = itemNo
        self.reuploadedAt = reuploadedAt
        self.kind = kind
        self.resolvedAt = resolvedAt
        self.updatedAt = updatedAt
    }
}
