/// The counts of one record set's diff (a row of `recon.run_sets`).
///
/// docs/rules.md: "A *record* is one key. 'All records' = the distinct keys on either side (the
/// union), so the rate is never above 100%. A key with any difference … counts once."
import ReconRules

public struct DiffCounts: Sendable, Hashable {
    /// Rows read from the ministry (the province's live rows).
    public var ministryRows = 0
    /// Rows read from the province.
    public var provinceRows = 0
    /// Distinct keys on either side (the denominator).
    public var unionKeys = 0
    /// Keys with any difference (the numerator), each counted once.
    public var differingKeys = 0
    /// 部有省无.
    public var ministryOnly = 0
    /// 省有部无.
    public var provinceOnly = 0
    /// 核心字段不一致.
    public var fieldMismatch = 0
    /// 关键字段重复.
    public var duplicateKey = 0
    /// 关键字段为空.
    public var emptyKey = 0

    /// Zero counts.
    public init() {}

    /// The count of one category.
    public subscript(category: DiffCategory) -> Int {
        get {
            switch category {
            case .ministryOnly: return ministryOnly
            case .provinceOnly: return provinceOnly
            case .fieldMismatch: return fieldMismatch
            case .duplicateKey: return duplicateKey
            case .emptyKey: return emptyKey
            }
        }
        set {
            switch category {
            case .ministryOnly: ministryOnly = newValue
            case .provinceOnly: provinceOnly = newValue
            case .fieldMismatch: fieldMismatch = newValue
            case .duplicateKey: duplicateKey = newValue
            case .emptyKey: emptyKey = newValue
            }
        }
    }

    /// The difference rate as an exact fraction (differing keys / union keys).
    public var rate: DiffRate { DiffRate(differing: differingKeys, union: unionKeys) }

    /// The sum of two sets' counts.
    public static func + (a: DiffCounts, b: DiffCounts) -> DiffCounts {
        var sum = DiffCounts()
        sum.ministryRows = a.ministryRows + b.ministryRows
        sum.provinceRows = a.provinceRows + b.provinceRows
        sum.unionKeys = a.unionKeys + b.unionKeys
        sum.differingKeys = a.differingKeys + b.differingKeys
        for category in DiffCategory.allCases { sum[category] = a[category] + b[category] }
        return sum
    }
}
