import Foundation

extension HolidayNotice {
    /// Reads a file given to `recon calendar import` as ONE notice, refusing — with the file and
    /// line — anything that would make it more or less than that:
    /// - its year is declared by a `# year: 2027` line before the first day, or else all its days
    ///   share one year (days of two years without a declaration are refused);
    /// - the year is in ``NoticeYearRules/years``;
    /// - a day of another year must be a spill-over day of one of the notice's holidays, named the
    ///   same (``NoticeYearRules/firstStray(year:days:)``);
    /// - each date once; a date both `holiday` and `workday` is named as a contradiction;
    /// - only the kinds `holiday` and `workday`; make-up working days on weekends only.
    ///
    /// `data` is this project's TSV (`date<TAB>holiday|workday<TAB>name`; see
    /// ``parseTSV(_:sourceName:noticeYear:)``) or the community feed's JSON
    /// (``parseFeedJSON(_:sourceName:)``, whose `year` key declares the year).
    public static func parseImportFile(_ data: Data, sourceName: String) throws -> HolidayNotice {
        let isJSON = data.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }) == UInt8(ascii: "{")
        if isJSON { return try parseFeedJSON(data, sourceName: sourceName) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw HolidayNoticeError(kind: .malformed, source: sourceName, message: "not UTF-8 text (expected lines date<TAB>holiday|workday<TAB>name)")
        }
        return try parseNoticeTSV(text, sourceName: sourceName)
    }

    /// The TSV half of ``parseImportFile(_:sourceName:)``.
    public static func parseNoticeTSV(_ text: String, sourceName: String) throws -> HolidayNotice {
        let lines = try TSVNoticeLines(text, sourceName: sourceName)
        guard let first = lines.days.first else {
            throw HolidayNoticeError(kind: .notPublished, source: sourceName,
                                     message: "the file lists no days (expected lines date<TAB>holiday|workday<TAB>name)")
        }
        func fail(_ line: Int, _ message: String) -> HolidayNoticeError {
            HolidayNoticeError(kind: .inconsistent, source: sourceName, line: line, message: message)
        }
        let year: Int
        if let declared = lines.declaredYear {
            year = declared.year
            if let problem = NoticeYearRules.yearProblem(year) { throw fail(declared.line, problem) }
        } else {
            year = first.day.date.year
            if let other = lines.days.first(where: { $0.day.date.year != year }) {
                throw fail(other.line, "\(other.day.date) is of \(other.day.date.year) but line \(first.line) is of \(year): a notice file is one year's notice — declare its year with a '# year: YYYY' line before the first day (days of the neighbouring years are then accepted as spill-over days of its holidays, named the same)")
            }
            if let problem = NoticeYearRules.yearProblem(year) { throw fail(first.line, problem) }
        }
        let days = lines.days.map(\.day)
        guard days.contains(where: { $0.date.year == year }) else {
            throw fail(lines.declaredYear?.line ?? first.line, "the notice for \(year) names no day of \(year)")
        }
        if let stray = NoticeYearRules.firstStray(year: year, days: days) {
            throw fail(lines.days[stray.index].line, stray.message)
        }
        return try HolidayNotice(year: year, source: sourceName, days: days)
    }
}
