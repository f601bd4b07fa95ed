import Foundation

extension HolidayNotice {
    /// Reads this project's TSV of notice days, `date<TAB>holiday|workday<TAB>name` (the format of
    /// `cn-workdays-2019-2026.tsv`), one day per line. Blank lines and lines starting with `#` are
    /// skipped; `\r\n` line ends and a leading byte-order mark are accepted. Errors name
    /// `sourceName` and the line: `cn-workdays.tsv:12: …`. This reader is for the built-in
    /// multi-year file; `recon calendar import` reads one notice per file with
    /// ``parseImportFile(_:sourceName:)``.
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
        let lines = try TSVNoticeLines(text, sourceName: sourceName)
        if let noticeYear {
            for (day, line) in lines.days where abs(day.date.year - noticeYear) > 1 {
                throw HolidayNoticeError(kind: .inconsistent, source: sourceName, line: line,
                                         message: "\(day.date) is too far from \(noticeYear): a notice for \(noticeYear) can only name days of \(noticeYear - 1)…\(noticeYear + 1)")
            }
        }
        let days = lines.days.map(\.day)
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

