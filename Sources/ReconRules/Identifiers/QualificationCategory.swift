/// A practitioner qualification category (从业资格类别), named as stored.
///
/// docs/identifiers.md: "从业资格类别 (names as stored): 经营性道路旅客运输驾驶员, 经营性道路货物运输驾驶员,
/// 道路危险货物运输驾驶员, 道路危险货物运输装卸管理人员, 道路危险货物运输押运人员; several joined with `;`
/// occur."
public enum QualificationCategory: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// 经营性道路旅客运输驾驶员.
    case passengerDriver = "经营性道路旅客运输驾驶员"
    /// 经营性道路货物运输驾驶员.
    case freightDriver = "经营性道路货物运输驾驶员"
    /// 道路危险货物运输驾驶员.
    case dangerousGoodsDriver = "道路危险货物运输驾驶员"
    /// 道路危险货物运输装卸管理人员.
    case dangerousGoodsLoadingManager = "道路危险货物运输装卸管理人员"
    /// 道路危险货物运输押运人员.
    case dangerousGoodsEscort = "道路危险货物运输押运人员"

    /// The separator between several categories in one field.
    public static let separator: Character = ";"

    /// The categories in a stored field such as `"经营性道路旅客运输驾驶员;经营性道路货物运输驾驶员"`,
    /// in the order given; nil if any part is not a known category (an empty part included).
    public static func parseList(_ field: some StringProtocol) -> [QualificationCategory]? {
        var result: [QualificationCategory] = []
        for part in field.split(separator: separator, omittingEmptySubsequences: false) {
            guard let category = QualificationCategory(rawValue: String(part)) else { return nil }
            result.append(category)
        }
        return result
    }

    /// `categories` joined as stored (with `;`).
    public static func joined(_ categories: [QualificationCategory]) -> String {
        categories.map(\.rawValue).joined(separator: String(separator))
    }

    /// The name as stored.
    public var description: String { rawValue }
}
