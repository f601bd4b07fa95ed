/// How indicator 10 counts 差异数据记录 and 运政业务数据记录 (docs/rules.md, "Indicator 10
/// 对账差异率"; issue 25 case 7).
///
/// - `each-record` (default): a *record* is one row of the registry, counted once across the two
///   sides: a key present once on each side is one record, a key on one side only one record; a
///   key duplicated on a side is max(ministry rows, province rows) records, all differing; every
///   row whose key is empty is a record of its own, and differing. "All records" counts the same
///   way, so the rate is never above 100%. 300 rows without a key weigh as 300 differences.
/// - `keys` (the earlier reading, kept as a named policy): a record is one key; a duplicated key
///   and all rows with an empty key count once.
public enum RecordCounting: String, Sendable, Hashable, Codable, CaseIterable {
    /// Each row a record (the rule's 差异数据记录数量).
    case eachRecord = "each-record"
    /// Each distinct key a record (the reading before issue 25).
    case keys

    /// How many records one difference stands for, from its category and its rows on each side.
    /// Under `keys` always 1. Under `eachRecord`: 关键字段重复 max(ministry, province) rows;
    /// 关键字段为空 every row of either side; any other category 1.
    public func records(category: DiffCategory, ministryRows: Int, provinceRows: Int) -> Int {
        guard self == .eachRecord else { return 1 }
        switch category {
        case .duplicateKey: return max(1, max(ministryRows, provinceRows))
        case .emptyKey: return max(1, ministryRows + provinceRows)
        case .ministryOnly, .provinceOnly, .fieldMismatch: return 1
        }
    }
}
