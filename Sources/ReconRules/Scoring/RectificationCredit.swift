/// What indicator 11 counts as 上传更新数据记录 (docs/rules.md, "Tracking: re-uploads, deletions,
/// resolved items"; issue 25 case 6).
///
/// - `changed-or-resolved` (default): an upload within the deadline counts when it updated the
///   record — the ministry's values differ from those stored at reconciliation — or the item is
///   resolved; a cancellation that answers the item counts. Re-sending an unchanged record
///   refreshes 报送时间 but updates nothing (第十条's concern: scoring without fixing anything).
/// - `any-upload` (the earlier reading, kept as a named policy): any upload after the issue counts.
public enum RectificationCredit: String, Sendable, Hashable, Codable, CaseIterable {
    /// An upload that changed the record or resolved the item.
    case changedOrResolved = "changed-or-resolved"
    /// Any upload after the issue.
    case anyUpload = "any-upload"
}
