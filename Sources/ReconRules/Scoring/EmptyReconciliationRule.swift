/// What indicator 10 scores when the official reconciliation found no record on either side
/// (0 differing keys of 0 keys: the rate is undefined). docs/rules.md is silent on this case.
public enum EmptyReconciliationRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Default: 0 points, reason `no-records` (无对账数据). The method's own pattern for "no data"
    /// is no points — indicator 6 "无办件业务不得分", and docs/rules.md reads indicator 12 the same
    /// way ("No business records … score 0, reason 无业务数据"). A province holds operators,
    /// practitioners and vehicles, so an empty reconciliation almost surely means missing
    /// extracts; full marks would hide that.
    case scoreZero = "zero"
    /// Alternative: 5 points, reason `no-records` — nothing to compare means nothing differs
    /// (the reading "差异数据记录数量 = 0").
    case fullMarks = "full-marks"
}
