/// Chinese labels for what list items store as machine names.
import ReconRules

public enum ListLabels {
    /// 差异类型 of a stored category (`ministry_only` → 部有省无, …); an unknown name as it is.
    public static func category(_ raw: String) -> String {
        DiffCategory(rawValue: raw)?.label ?? raw
    }

    /// 数据类别 of a record set (`vehicles` → 营运车辆) from the configured record sets; an
    /// unconfigured name as it is.
    public static func recordSet(_ name: String, in recordSets: [RecordSetSpec]) -> String {
        recordSets.first { $0.name == name }?.label ?? name
    }

    /// 关键字段名称 of a record set, e.g. `车牌号码 / 车牌颜色代码` (joined like `key_text`).
    public static func keyNames(_ name: String, in recordSets: [RecordSetSpec]) -> String {
        recordSets.first { $0.name == name }?.key.map(\.label).joined(separator: " / ") ?? ""
    }

    /// 复核结果 of an item: 已一致 when resolved, nothing (an empty cell) otherwise.
    public static func resolved(_ resolved: Bool) -> String? { resolved ? "已一致" : nil }
}
