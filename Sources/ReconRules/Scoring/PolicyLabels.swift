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
    /// Works on UTF-8 bytes (the ids are ASCII, and no byte of a multi-byte character is ASCII): a
    /// score table localises every reason, and Foundation's search cost most of a page.
    public static func localise(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "-")) else { return text }   // every id has a '-'
        var out = Array(text.utf8)
        var changed = false
        for entry in longestFirst {
            guard let replaced = replacingAll(entry.id, with: entry.label, in: out) else { continue }
            out = replaced
            changed = true
        }
        return changed ? String(decoding: out, as: UTF8.self) : text
    }

    /// ``all`` by id length, longest first.
    static let longestFirst: [(id: [UInt8], label: [UInt8])] = all.sorted { $0.id.utf8.count > $1.id.utf8.count }
        .map { (Array($0.id.utf8), Array($0.label.utf8)) }

    /// `bytes` with every occurrence of `needle` (left to right, not overlapping) replaced, or nil
    /// when there is none.
    static func replacingAll(_ needle: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8]? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var out: [UInt8] = []
        var index = 0, found = false
        while index < bytes.count {
            if index + needle.count <= bytes.count, bytes[index] == needle[0],
               bytes[index..<(index + needle.count)].elementsEqual(needle) {
                out.append(contentsOf: replacement)
                index += needle.count
                found = true
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return found ? out : nil
    }
}
