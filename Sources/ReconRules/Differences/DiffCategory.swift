/// What was found for one differing key (indicator 10, 对账差异率: 部省两级运政系统数据对账发现的差异数据记录).
///
/// A key has exactly one category, its primary finding, by the precedence in the comment of
/// `sql/migrations/0003_differences.sql`: empty_key > duplicate_key > ministry_only /
/// province_only > field_mismatch. docs/rules.md: "A key with any difference (missing on one side,
/// a core field unequal, a duplicated or empty key) counts once."
public enum DiffCategory: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// 关键字段为空: a key column is NULL or empty (on either side).
    case emptyKey = "empty_key"
    /// 关键字段重复: more than one row with the key on a side.
    case duplicateKey = "duplicate_key"
    /// 部有省无: the key is only in the ministry's copy.
    case ministryOnly = "ministry_only"
    /// 省有部无: the key is only in the province's registry.
    case provinceOnly = "province_only"
    /// 核心字段不一致: one row on each side, some core field unequal after normalising (注3).
    case fieldMismatch = "field_mismatch"

    /// The 中文 label used in lists and reports.
    public var label: String {
        switch self {
        case .emptyKey: return "关键字段为空"
        case .duplicateKey: return "关键字段重复"
        case .ministryOnly: return "部有省无"
        case .provinceOnly: return "省有部无"
        case .fieldMismatch: return "核心字段不一致"
        }
    }

    /// The value stored in `recon.differences.category`.
    public var description: String { rawValue }
}
