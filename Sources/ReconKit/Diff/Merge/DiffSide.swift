/// One side of a reconciliation: the ministry's copy (部级运政系统) or the province's own
/// registry (省级运政系统).
import ReconRules

public enum DiffSide: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// 部级运政系统.
    case ministry
    /// 省级运政系统.
    case province

    /// 中文 name of the side: `部` or `省`.
    public var label: String {
        switch self {
        case .ministry: return "部"
        case .province: return "省"
        }
    }

    /// `ministry (部)` / `province (省)`, for messages.
    public var description: String { "\(rawValue) (\(label))" }
}
