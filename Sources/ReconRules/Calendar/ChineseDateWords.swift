/// Quarters and dates in words, as a 通报 writes them: `2026年第三季度`, `2026年10月26日`
/// (docs/rules.md, "The bulletin and the 公示稿").
public enum ChineseDateWords {
    /// `2026年第三季度`.
    public static func quarter(_ quarter: Quarter) -> String {
        let words = ["一", "二", "三", "四"]
        return "\(quarter.year)年第\(words[quarter.number - 1])季度"
    }

    /// `2026年10月26日`.
    public static func date(_ date: CivilDate) -> String {
        "\(date.year)年\(date.month)月\(date.day)日"
    }

    /// `2026年10月20日至10月26日` (the year written once when both days are in it), or the one
    /// day when `from == to`.
    public static func span(from: CivilDate, to: CivilDate) -> String {
        if from == to { return date(from) }
        let end = from.year == to.year ? "\(to.month)月\(to.day)日" : date(to)
        return "\(date(from))至\(end)"
    }
}
