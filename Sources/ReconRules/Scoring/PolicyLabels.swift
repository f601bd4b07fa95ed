import Foundation

/// Chinese labels of the named policies, for pages and reports that a province reads (the ids
/// stay the stable names of configuration and stored results; docs/rules.md *The window*).
public enum PolicyLabels {
    /// Every named policy id with its 中文 label: the window policies and the scoring policies.
    public static let all: [(id: String, label: String)] = [
        ("first-5-working-days", "每季度第一周＝季度次月前5个工作日"),
        ("first-7-calendar-days", "每季度第一周＝季度次月前7个自然日"),
        ("own-quarter-first-5-working-days", "每季度第一周＝本季度首月前5个工作日（原口径）"),
        ("own-quarter-first-7-calendar-days", "每季度第一周＝本季度首月前7个自然日（原口径）"),
        ("annex-2023-second-month", "2023年附件原口径：每季度次月第一周＝本季度第二个月前5个工作日"),
        ("jtys-2022-1599-calendar-week-own-quarter", "交办运函〔2022〕1599号（第一周按前7个自然日；原口径：本季度首月对账）"),
        ("jtys-2022-1599-keys-own-quarter", "交办运函〔2022〕1599号（指标10按关键字计数；原口径：本季度首月对账）"),
        ("jtys-2022-1599-any-upload-own-quarter", "交办运函〔2022〕1599号（指标11任何上传均计入；原口径：本季度首月对账）"),
        ("jtys-2022-1599-calendar-week", "交办运函〔2022〕1599号（第一周按前7个自然日）"),
        ("jtys-2022-1599-keys", "交办运函〔2022〕1599号（指标10按关键字计数）"),
        ("jtys-2022-1599-any-upload", "交办运函〔2022〕1599号（指标11任何上传均计入）"),
        ("jtys-2022-1599-own-quarter", "交办运函〔2022〕1599号（原口径：本季度首月第一周对账）"),
        ("jtys-2022-1599", "交办运函〔2022〕1599号"),
        ("workplan-2023-second-month", "2023年工作方案（原口径：指标11按本季度第二个月第一周）"),
        ("workplan-2023", "2023年工作方案（次月第一周＝季度次月前5个工作日）"),
    ]

    /// The label of policy `id`, or nil for an unknown id.
    public static func label(of id: String) -> String? { all.first { $0.id == id }?.label }

    /// `text` with every policy id replaced by its label (longest ids first, so that
    /// `jtys-2022-1599-calendar-week` is not read as `jtys-2022-1599`).
    public static func localise(_ text: String) -> String {
        var out = text
        for entry in all.sorted(by: { $0.id.count > $1.id.count }) where out.contains(entry.id) {
            out = out.replacingOccurrences(of: entry.id, with: entry.label)
        }
        return out
    }
}
