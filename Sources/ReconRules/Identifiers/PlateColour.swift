/// Plate colour codes (车牌颜色代码).
///
/// docs/identifiers.md: "`1 蓝` `2 黄` `3 黑` `4 白` `5 绿` `9 其他` `91 农黄` `92 农绿` `93 黄绿 (large
/// new-energy)` `94 渐变绿 (small new-energy)`. The same new-energy vehicle coded `5` in one system
/// and `94` in the other is a known source of differences: report it as a difference (the code
/// differs), never hide it." Hence no normaliser maps one code to another.
public enum PlateColour: Int, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// 1 蓝.
    case blue = 1
    /// 2 黄.
    case yellow = 2
    /// 3 黑.
    case black = 3
    /// 4 白.
    case white = 4
    /// 5 绿.
    case green = 5
    /// 9 其他.
    case other = 9
    /// 91 农黄.
    case agriculturalYellow = 91
    /// 92 农绿.
    case agriculturalGreen = 92
    /// 93 黄绿 (large new-energy vehicles).
    case yellowGreen = 93
    /// 94 渐变绿 (small new-energy vehicles).
    case gradientGreen = 94

    /// The code as stored, e.g. `"94"`.
    public var code: String { String(rawValue) }

    /// The Chinese name, e.g. `"渐变绿"`.
    public var chineseName: String {
        switch self {
        case .blue: "蓝"
        case .yellow: "黄"
        case .black: "黑"
        case .white: "白"
        case .green: "绿"
        case .other: "其他"
        case .agriculturalYellow: "农黄"
        case .agriculturalGreen: "农绿"
        case .yellowGreen: "黄绿"
        case .gradientGreen: "渐变绿"
        }
    }

    /// The colour with code `code` exactly (`"5"`, `"94"`; no padding or spaces), or nil.
    public init?(code: some StringProtocol) {
        guard let number = Int(code), String(number) == code, let colour = PlateColour(rawValue: number) else { return nil }
        self = colour
    }

    /// The colour with Chinese name `chineseName`, or nil.
    public init?(chineseName: some StringProtocol) {
        guard let colour = PlateColour.allCases.first(where: { $0.chineseName == chineseName }) else { return nil }
        self = colour
    }

    /// `"94 渐变绿"`.
    public var description: String { "\(code) \(chineseName)" }
}
