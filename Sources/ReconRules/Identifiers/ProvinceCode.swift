/// A province-level administrative unit (省级行政区) with its GB/T 2260 region code
/// (行政区划代码), its short Chinese name and, where it has one, its plate abbreviation (号牌简称).
///
/// The evaluated units are the 31 provinces plus 新疆生产建设兵团, whose code is configurable.
public struct ProvinceCode: Sendable, Hashable, CustomStringConvertible {
    /// The 6-digit GB/T 2260 code, e.g. `"410000"`.
    public let code: String
    /// The short Chinese name as in docs/identifiers.md, e.g. `"河南"`.
    public let name: String
    /// The plate abbreviation (号牌省份简称), e.g. `豫`; nil for 新疆生产建设兵团.
    public let plateAbbreviation: Character?

    /// Creates a unit. Prefer `provinces`, `xpcc(code:)` or the look-ups.
    public init(code: String, name: String, plateAbbreviation: Character?) {
        self.code = code
        self.name = name
        self.plateAbbreviation = plateAbbreviation
    }

    /// The first two digits of the code (the province part of any region code below it).
    public var prefix: Substring { code.prefix(2) }

    /// `"410000 河南"`.
    public var description: String { "\(code) \(name)" }

    /// The 31 provinces, autonomous regions and municipalities, in GB/T 2260 order.
    /// docs/identifiers.md, "Region codes (行政区划代码, GB/T 2260), province level"; the plate
    /// abbreviations follow docs/identifiers.md "Plates (号牌, GA 36-2018)", listed in the same order.
    public static let provinces: [ProvinceCode] = [
        ProvinceCode(code: "110000", name: "北京", plateAbbreviation: "京"),
        ProvinceCode(code: "120000", name: "天津", plateAbbreviation: "津"),
        ProvinceCode(code: "130000", name: "河北", plateAbbreviation: "冀"),
        ProvinceCode(code: "140000", name: "山西", plateAbbreviation: "晋"),
        ProvinceCode(code: "150000", name: "内蒙古", plateAbbreviation: "蒙"),
        ProvinceCode(code: "210000", name: "辽宁", plateAbbreviation: "辽"),
        ProvinceCode(code: "220000", name: "吉林", plateAbbreviation: "吉"),
        ProvinceCode(code: "230000", name: "黑龙江", plateAbbreviation: "黑"),
        ProvinceCode(code: "310000", name: "上海", plateAbbreviation: "沪"),
        ProvinceCode(code: "320000", name: "江苏", plateAbbreviation: "苏"),
        ProvinceCode(code: "330000", name: "浙江", plateAbbreviation: "浙"),
        ProvinceCode(code: "340000", name: "安徽", plateAbbreviation: "皖"),
        ProvinceCode(code: "350000", name: "福建", plateAbbreviation: "闽"),
        ProvinceCode(code: "360000", name: "江西", plateAbbreviation: "赣"),
        ProvinceCode(code: "370000", name: "山东", plateAbbreviation: "鲁"),
        ProvinceCode(code: "410000", name: "河南", plateAbbreviation: "豫"),
        ProvinceCode(code: "420000", name: "湖北", plateAbbreviation: "鄂"),
        ProvinceCode(code: "430000", name: "湖南", plateAbbreviation: "湘"),
        ProvinceCode(code: "440000", name: "广东", plateAbbreviation: "粤"),
        ProvinceCode(code: "450000", name: "广西", plateAbbreviation: "桂"),
        ProvinceCode(code: "460000", name: "海南", plateAbbreviation: "琼"),
        ProvinceCode(code: "500000", name: "重庆", plateAbbreviation: "渝"),
        ProvinceCode(code: "510000", name: "四川", plateAbbreviation: "川"),
        ProvinceCode(code: "520000", name: "贵州", plateAbbreviation: "贵"),
        ProvinceCode(code: "530000", name: "云南", plateAbbreviation: "云"),
        ProvinceCode(code: "540000", name: "西藏", plateAbbreviation: "藏"),
        ProvinceCode(code: "610000", name: "陕西", plateAbbreviation: "陕"),
        ProvinceCode(code: "620000", name: "甘肃", plateAbbreviation: "甘"),
        ProvinceCode(code: "630000", name: "青海", plateAbbreviation: "青"),
        ProvinceCode(code: "640000", name: "宁夏", plateAbbreviation: "宁"),
        ProvinceCode(code: "650000", name: "新疆", plateAbbreviation: "新"),
    ]

    /// The name of 新疆生产建设兵团, which is evaluated as a unit of its own.
    public static let xpccName = "新疆生产建设兵团"

    /// The default code of 新疆生产建设兵团 in the ministry system.
    /// *Unverified* (docs/identifiers.md: "its code in the ministry system is *unverified* (660000 is seen
    /// in practice): keep it configurable"). This is the one place the default lives.
    public static let defaultXPCCCode = "660000"

    /// 新疆生产建设兵团 with the given code (default `defaultXPCCCode`, *unverified*).
    public static func xpcc(code: String = defaultXPCCCode) -> ProvinceCode {
        ProvinceCode(code: code, name: xpccName, plateAbbreviation: nil)
    }

    /// The 32 evaluated units: the 31 provinces then 新疆生产建设兵团 with `xpccCode`.
    public static func evaluatedUnits(xpccCode: String = defaultXPCCCode) -> [ProvinceCode] {
        provinces + [xpcc(code: xpccCode)]
    }

    /// The unit whose code is exactly `code` (the 31 provinces, or 兵团 when `code == xpccCode`).
    public static func withCode(_ code: some StringProtocol, xpccCode: String = defaultXPCCCode) -> ProvinceCode? {
        if code == xpccCode { return xpcc(code: xpccCode) }
        return provinces.first { $0.code == code }
    }

    /// The province a region code (any level, 6 digits) belongs to, by its first two digits.
    /// A code starting with the 兵团 code's first two digits gives 兵团.
    public static func containing(regionCode: some StringProtocol, xpccCode: String = defaultXPCCCode) -> ProvinceCode? {
        guard regionCode.utf8.count == 6, regionCode.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let prefix = regionCode.prefix(2)
        if prefix == xpccCode.prefix(2) { return xpcc(code: xpccCode) }
        return provinces.first { $0.prefix == prefix }
    }

    /// The unit with the short Chinese name `name` (e.g. `"河南"`, or `"新疆生产建设兵团"`).
    public static func named(_ name: some StringProtocol, xpccCode: String = defaultXPCCCode) -> ProvinceCode? {
        if name == xpccName { return xpcc(code: xpccCode) }
        return provinces.first { $0.name == name }
    }

    /// The province whose plate abbreviation is `abbreviation` (e.g. `豫` → 410000 河南).
    public static func withPlateAbbreviation(_ abbreviation: Character) -> ProvinceCode? {
        provinces.first { $0.plateAbbreviation == abbreviation }
    }
}
