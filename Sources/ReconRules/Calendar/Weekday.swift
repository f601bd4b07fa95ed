/// A day of the week, numbered as in ISO 8601 (Monday = 1 … Sunday = 7).
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// 星期一.
    case monday = 1
    /// 星期二.
    case tuesday
    /// 星期三.
    case wednesday
    /// 星期四.
    case thursday
    /// 星期五.
    case friday
    /// 星期六.
    case saturday
    /// 星期日.
    case sunday

    /// True for Saturday and Sunday, the ordinary days off.
    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// The English three-letter abbreviation ("Mon" … "Sun").
    public var shortName: String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue - 1]
    }

    /// The Chinese name (星期一 … 星期日).
    public var chineseName: String {
        ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"][rawValue - 1]
    }

    /// The three-letter abbreviation.
    public var description: String { shortName }
}
