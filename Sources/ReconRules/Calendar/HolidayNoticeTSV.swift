import Foundation

extension HolidayNotice {
    /// Reads this project's TSV of notice days, `date<TAB>holiday|workday<TAB>name` (the format of
    /// `cn-workdays-2019-2026.tsv`), one day per line. Blank lines and lines starting with `#` are
    /// skipped; `\r\n` line ends and a leading byte-order mark are accepted. Errors name
    /// `sourceName` and the line: `cn-workdays.tsv:12: …`.
    ///
    /// The file may hold several years. Which notice a day belongs to:
    /// - with `noticeYear` given, every day belongs to that one notice (days of the neighbouring
    ///   years are its spill-over days);
    /// - otherwise each day belongs to the notice of its own date's year, except that a year
    ///   whose lines all fall in December, directly before a year that the file also holds, is
    ///   read as the spill-over of that next year's notice (e.g. a 2027 file that starts with
    ///   `2026-12-31 holiday 元旦`): it does not make a notice for that December's year.
    ///
    /// Returns the notices sorted by year.
    public static func parseTSV(_ text: String, sourceName: String, noticeYear: Int? = nil) throws -> [HolidayNotice] {
        var days: [NoticeDay] = []
        var lineOfDate: [CivilDate: Int] = [:]
        var lineNumber = 0
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        for line in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            func fail(_ kind: HolidayNoticeError.Kind, _ message: String) -> HolidayNoticeError {
                HolidayNoticeError(kind: kind, source: sourceName, line: lineNumber, message: message)
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3 else {
                throw fail(.malformed,
                           "expected 3 tab-separated fields (date, holiday|workday, name), found \(fields.count) in '\(line)'")
            }
            let date: CivilDate
            do {
                date = try CivilDate.parse(fields[0].trimmingCharacters(in: .whitespaces))
            } catch {
                throw fail(.malformed, "\(error)")
            }
            let kindText = fields[1].trimmingCharacters(in: .whitespaces).lowercased()
            guard let kind = NoticeDay.Kind(rawValue: kindText) else {
                throw fail(.malformed, "second field must be 'holiday' or 'workday', found '\(fields[1])'")
            }
            let day = NoticeDay(date: date, kind: kind, name: fields[2].trimmingCharacters(in: .whitespaces))
            if let problem = day.problem { throw fail(.inconsistent, problem) }
            if let first = lineOfDate[date] {
                throw fail(.inconsistent, "\(date) is listed twice (first on line \(first))")
            }
            if let noticeYear, abs(date.year - noticeYear) > 1 {
                throw fail(.inconsistent,
                           "\(date) is too far from \(noticeYear): a notice for \(noticeYear) can only name days of \(noticeYear - 1)…\(noticeYear + 1)")
            }
            lineOfDate[date] = lineNumber
            days.append(day)
        }
        guard !days.isEmpty else {
            throw HolidayNoticeError(kind: .notPublished, source: sourceName,
                                     message: "the file lists no days (expected lines date<TAB>holiday|workday<TAB>name)")
        }

        if let noticeYear {
            return [try HolidayNotice(year: noticeYear, source: sourceName, days: days)]
        }
        var byYear = Dictionary(grouping: days, by: { $0.date.year })
        for year in byYear.keys.sorted() {
            guard let group = byYear[year], byYear[year + 1] != nil,
                  group.allSatisfy({ $0.date.month == 12 }) else { continue }
            byYear[year + 1, default: []].append(contentsOf: group)
            byYear[year] = nil
        }
        return try byYear.keys.sorted().map { year in
            try HolidayNotice(year: year, source: sourceName, days: byYear[year]!)
        }
    }
}

