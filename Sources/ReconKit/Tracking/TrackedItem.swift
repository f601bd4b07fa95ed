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

    /// An item.
    public init(itemNo: Int, category: DiffCategory, ministryCount: Int, key: [String?], reuploadedAt: Date? = nil,
                resolved: Bool = false) {
        self.itemNo = itemNo
        self.category = category
        self.ministryCount = ministryCount
        self.key = key
        self.reuploadedAt = reuploadedAt
        self.resolved = resolved
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

    /// An update.
    public init(itemNo: Int, reuploadedAt: Date? = nil, kind: ReuploadKind? = nil, resolvedAt: Date? = nil) {
        self.itemNo = itemNo
        self.reuploadedAt = reuploadedAt
        self.kind = kind
        self.resolvedAt = resolvedAt
    }
}
