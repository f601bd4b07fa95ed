/// One year's State Council holiday notice (国务院办公厅关于XXXX年部分节假日安排的通知): the days it
/// makes days off and the weekend days it makes working days.
///
/// docs/rules.md *Working days*: "A working day is Monday–Friday unless the State Council's annual
/// notice … makes it a day off, plus any weekend day the notice makes a make-up working day".
///
/// A notice may name a few days of the neighbouring years: the New Year holiday can start on
/// 30/31 December of year N−1, and a make-up working day can fall in late December (the 2019
/// notice made Saturday 2018-12-29 a working day). Those days keep their own dates and land in
/// their own year inside `WorkdayCalendar`; only days of years N−1…N+1 are accepted.
public struct HolidayNotice: Sendable, Hashable {
    /// The year the notice is for (its "XXXX年").
    public let year: Int
    /// Where it came from, e.g. `holiday-cn 2027.json (https://www.gov.cn/…)`.
    public let source: String
    /// The days it names, sorted by date, each date once.
    public let days: [NoticeDay]

    /// Creates a notice, checking that it names at least one day of `year`, only days of
    /// `year − 1 … year + 1`, each date once, and make-up working days only on weekends.
    public init(year: Int, source: String, days: [NoticeDay]) throws {
        func fail(_ kind: HolidayNoticeError.Kind, _ message: String) -> HolidayNoticeError {
            HolidayNoticeError(kind: kind, source: source, message: message)
        }
        guard (1...9999).contains(year) else { throw fail(.malformed, "year \(year) is out of 1…9999") }
        guard !days.isEmpty else {
            throw fail(.notPublished, "the notice for \(year) lists no days (not published yet?)")
        }
        let sorted = days.sorted { $0.date < $1.date }
        for (previous, day) in zip(sorted, sorted.dropFirst()) where previous.date == day.date {
            throw fail(.inconsistent, "\(day.date) is listed twice")
        }
        for day in sorted {
            if let problem = day.problem { throw fail(.inconsistent, problem) }
            guard abs(day.date.year - year) <= 1 else {
                throw fail(.inconsistent,
                           "\(day.date) is too far from \(year): a notice for \(year) can only name days of \(year - 1)…\(year + 1)")
            }
        }
        guard sorted.contains(where: { $0.date.year == year }) else {
            throw fail(.inconsistent, "the notice for \(year) names no day of \(year)")
        }
        self.year = year
        self.source = source
        self.days = sorted
    }

    /// The days whose date lies in `year` (for a neighbouring year: the spill-over days).
    public func days(inYear year: Int) -> [NoticeDay] { days.filter { $0.date.year == year } }

    /// The canonical day list the hash is taken of: a header line, then one
    /// `YYYY-MM-DD<TAB>holiday|workday` line per day in date order. Festival names and the source
    /// are left out on purpose: they do not change any working-day answer, so renaming a festival
    /// keeps the version.
    public var canonicalText: String {
        var text = "holiday-notice \(year)\n"
        for day in days { text += "\(day.date)\t\(day.kind.rawValue)\n" }
        return text
    }

    /// The version of the notice: 16 hex digits of the 64-bit FNV-1a hash of `canonicalText`.
    public var contentHash: String { ContentHash.hex(canonicalText) }

    /// The notice as this project's TSV (`date<TAB>holiday|workday<TAB>name`, one line per day,
    /// ending with a newline); `parseTSV(_:sourceName:noticeYear:)` reads it back.
    public var tsv: String {
        days.map { "\($0.date)\t\($0.kind.rawValue)\t\($0.name)\n" }.joined()
    }
}

extension HolidayNotice: Codable {
    private enum CodingKeys: String, CodingKey { case year, source, days }

    /// Decodes and checks the notice (same checks as `init(year:source:days:)`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(year: container.decode(Int.self, forKey: .year),
                      source: container.decode(String.self, forKey: .source),
                      days: container.decode([NoticeDay].self, forKey: .days))
    }

    /// Encodes `year`, `source` and `days`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(source, forKey: .source)
        try container.encode(days, forKey: .days)
    }
}
