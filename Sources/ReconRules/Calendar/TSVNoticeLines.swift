import Foundation

/// The lines of a notice TSV, each checked on its own (fields, date, kind, festival name,
/// make-up days on weekends) and against the earlier lines (each date once), with the
/// `# year: YYYY` declaration if there is one. Errors name the file and line.
struct TSVNoticeLines {
    /// The days, in file order, with their lines.
    private(set) var days: [(day: NoticeDay, line: Int)] = []
    /// The `# year: YYYY` line, when the file has one.
    private(set) var declaredYear: (year: Int, line: Int)?

    init(_ text: String, sourceName: String) throws {
        var lineOfDate: [CivilDate: (line: Int, kind: NoticeDay.Kind)] = [:]
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        for line in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            func fail(_ kind: HolidayNoticeError.Kind, _ message: String) -> HolidayNoticeError {
                HolidayNoticeError(kind: kind, source: sourceName, line: lineNumber, message: message)
            }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            if line.hasPrefix("#") {
                guard let year = try Self.declaration(line, fail: fail) else { continue }
                if let earlier = declaredYear { throw fail(.malformed, "a second year declaration (the first is on line \(earlier.line))") }
                if let firstDay = days.first { throw fail(.malformed, "the '# year:' line must come before the first day (line \(firstDay.line))") }
                declaredYear = (year, lineNumber)
                continue
            }
            let day = try Self.day(line, fail: fail)
            if let earlier = lineOfDate[day.date] {
                if earlier.kind != day.kind {
                    throw fail(.inconsistent, "\(day.date) is a \(day.kind) here but a \(earlier.kind) on line \(earlier.line): a day cannot be both a holiday and a make-up working day")
                }
                throw fail(.inconsistent, "\(day.date) is listed twice (first on line \(earlier.line))")
            }
            lineOfDate[day.date] = (lineNumber, day.kind)
            days.append((day, lineNumber))
        }
    }

    /// The year of a `# year: YYYY` comment; nil for any other comment.
    private static func declaration(_ line: Substring, fail: (HolidayNoticeError.Kind, String) -> HolidayNoticeError) throws -> Int? {
        let comment = line.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        guard comment.lowercased().hasPrefix("year:") else { return nil }
        let value = comment.dropFirst("year:".count).trimmingCharacters(in: .whitespaces)
        guard value.count == 4, value.allSatisfy(\.isASCII), let year = Int(value) else {
            throw fail(.malformed, "'# year:' must be followed by a four-digit year, found '\(value)'")
        }
        return year
    }

    /// One `date<TAB>holiday|workday<TAB>name` line.
    static func day(_ line: Substring, fail: (HolidayNoticeError.Kind, String) -> HolidayNoticeError) throws -> NoticeDay {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 3 else {
            throw fail(.malformed, "expected 3 tab-separated fields (date, holiday|workday, name), found \(fields.count) in '\(line)'")
        }
        let date: CivilDate
        do { date = try CivilDate.parse(fields[0].trimmingCharacters(in: .whitespaces)) } catch { throw fail(.malformed, "\(error)") }
        let kindText = fields[1].trimmingCharacters(in: .whitespaces).lowercased()
        guard let kind = NoticeDay.Kind(rawValue: kindText) else {
            throw fail(.malformed, "second field must be 'holiday' or 'workday', found '\(fields[1])'")
        }
        let day = NoticeDay(date: date, kind: kind, name: fields[2].trimmingCharacters(in: .whitespaces))
        if let problem = day.problem { throw fail(.inconsistent, problem) }
        return day
    }
}
