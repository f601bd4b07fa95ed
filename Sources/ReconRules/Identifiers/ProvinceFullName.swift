/// The full names (全称) of the 32 evaluated units, as they are written in a configuration and on
/// the results (河南省, 广西壮族自治区, 新疆生产建设兵团), and the check of a configured code and name
/// against them (docs/rules.md, "Province codes").
extension ProvinceCode {
    /// The full names of the 31 provinces by GB/T 2260 code (docs/identifiers.md, "Region codes").
    static let fullNames: [String: String] = [
        "110000": "北京市", "120000": "天津市", "130000": "河北省", "140000": "山西省", "150000": "内蒙古自治区",
        "210000": "辽宁省", "220000": "吉林省", "230000": "黑龙江省",
        "310000": "上海市", "320000": "江苏省", "330000": "浙江省", "340000": "安徽省", "350000": "福建省",
        "360000": "江西省", "370000": "山东省",
        "410000": "河南省", "420000": "湖北省", "430000": "湖南省", "440000": "广东省", "450000": "广西壮族自治区",
        "460000": "海南省",
        "500000": "重庆市", "510000": "四川省", "520000": "贵州省", "530000": "云南省", "540000": "西藏自治区",
        "610000": "陕西省", "620000": "甘肃省", "630000": "青海省", "640000": "宁夏回族自治区", "650000": "新疆维吾尔自治区",
    ]

    /// The full name, e.g. `河南省`; `新疆生产建设兵团` for 兵团.
    public var fullName: String { Self.fullNames[code] ?? name }

    /// What a configured `code` and `name` are: one of the 32 evaluated units with a name that is its
    /// full name or its short name, or why not.
    public enum ConfiguredCheck: Sendable, Equatable {
        /// A known unit, named rightly.
        case known(ProvinceCode)
        /// Not the code of any of the 32 units.
        case unknownCode
        /// A known code with another unit's (or no unit's) name; `expected` is the code's full name.
        case nameMismatch(expected: String, namedUnit: ProvinceCode?)
    }

    /// Checks a configured province: `code` must be one of ``evaluatedUnits(xpccCode:)`` and `name`
    /// its full name (河南省) or short name (河南).
    public static func checkConfigured(code: String, name: String, xpccCode: String = defaultXPCCCode) -> ConfiguredCheck {
        guard let unit = withCode(code, xpccCode: xpccCode) else { return .unknownCode }
        if name == unit.fullName || name == unit.name { return .known(unit) }
        let named = evaluatedUnits(xpccCode: xpccCode).first { $0.fullName == name || $0.name == name }
        return .nameMismatch(expected: unit.fullName, namedUnit: named)
    }
}
