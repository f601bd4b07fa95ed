import Foundation

extension HolidayNotice {
    /// The shape of a community feed file (holiday-cn, one file per year):
    /// `{"year":2027,"papers":["https://www.gov.cn/…"],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true},…]}`.
    private struct Feed: Decodable {
        let year: Int
        let papers: [String]?
        let days: [Day]?

        struct Day: Decodable {
            let name: String
            let date: String
            let isOffDay: Bool
        }
    }

    /// Reads a community feed JSON file for one year (see `Feed`): `isOffDay: true` is a day off,
    /// `false` a make-up working day. The days may spill into the neighbouring years (a 2027 feed
    /// can list 2026-12-31); they keep their dates and land in their own year in the calendar. The
    /// year must be importable and every such day a spill-over day of one of the notice's holidays,
    /// named the same (``NoticeYearRules``).
    ///
    /// A feed whose `days` list is empty or missing is refused with a `.notPublished` error: the
    /// feed exists before the State Council publishes the notice (around November of the year
    /// before), and an empty list must not be read as "no holidays".
    public static func parseFeedJSON(_ data: Data, sourceName: String) throws -> HolidayNotice {
        let feed: Feed
        do {
            feed = try JSONDecoder().decode(Feed.self, from: data)
        } catch let error as DecodingError {
            throw HolidayNoticeError(
                kind: .malformed, source: sourceName,
                message: "not a holiday feed of the form {\"year\":2027,\"days\":[{\"name\":…,\"date\":\"YYYY-MM-DD\",\"isOffDay\":true|false}]}: \(summary(of: error))")
        }
        let source = feed.papers.map { $0.isEmpty ? sourceName : "\(sourceName) (\($0.joined(separator: ", ")))" } ?? sourceName
        guard let feedDays = feed.days, !feedDays.isEmpty else {
            throw HolidayNoticeError(
                kind: .notPublished, source: sourceName,
                message: "the feed for \(feed.year) lists no days: the State Council notice (国务院办公厅关于\(feed.year)年部分节假日安排的通知) is not published yet, or the feed has not caught up; nothing was loaded")
        }
        var days: [NoticeDay] = []
        var indexOfDate: [CivilDate: Int] = [:]
        for (index, entry) in feedDays.enumerated() {
            func fail(_ kind: HolidayNoticeError.Kind, _ message: String) -> HolidayNoticeError {
                HolidayNoticeError(kind: kind, source: sourceName, message: "days[\(index)] (\(entry.name) \(entry.date)): \(message)")
            }
            let date: CivilDate
            do { date = try CivilDate.parse(entry.date) } catch { throw fail(.malformed, "\(error)") }
            let day = NoticeDay(date: date, kind: entry.isOffDay ? .holiday : .workday, name: entry.name)
            if let problem = day.problem { throw fail(.inconsistent, problem) }
            if let first = indexOfDate[date] { throw fail(.inconsistent, "\(date) is listed twice (first as days[\(first)])") }
            guard abs(date.year - feed.year) <= 1 else {
                throw fail(.inconsistent, "\(date) is too far from the feed's year \(feed.year)")
            }
            indexOfDate[date] = index
            days.append(day)
        }
        if let problem = NoticeYearRules.yearProblem(feed.year) {
            throw HolidayNoticeError(kind: .inconsistent, source: sourceName, message: "\(problem) (its \"year\")")
        }
        guard days.contains(where: { $0.date.year == feed.year }) else {
            throw HolidayNoticeError(kind: .inconsistent, source: sourceName, message: "the notice for \(feed.year) names no day of \(feed.year)")
        }
        if let stray = NoticeYearRules.firstStray(year: feed.year, days: days) {
            let entry = feedDays[stray.index]
            throw HolidayNoticeError(kind: .inconsistent, source: sourceName,
                                     message: "days[\(stray.index)] (\(entry.name) \(entry.date)): \(stray.message)")
        }
        return try HolidayNotice(year: feed.year, source: source, days: days)
    }

    /// A one-line account of a JSON decoding error: the key path and what was wrong.
    private static func summary(of error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "top level" : String(text.drop(while: { $0 == "." }))
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)' at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        case .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }
}
