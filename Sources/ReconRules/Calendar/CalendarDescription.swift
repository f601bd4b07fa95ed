extension WorkdayCalendar {
    /// A readable account of `year`: its notice, then its days off and make-up working days
    /// grouped by festival (in calendar order), then the count of working days. Days a
    /// neighbouring year's notice names (spill-over) are shown in this year, marked with that
    /// notice. Throws `unknownYear` for a year without a notice (the opt-in does not apply:
    /// there is nothing to describe).
    ///
    /// Example line: `  Spring Festival (春节): off 2026-02-15 Sun – 2026-02-23 Mon (9 days); make-up working days 2026-02-14 Sat, 2026-02-28 Sat`
    public func describe(year: Int) throws -> String {
        guard let notice = notice(for: year) else {
            let date = (try? CivilDate(year: year, month: 1, day: 1)) ?? CivilDate(dayNumber: 0)
            throw WorkdayCalendarError.unknownYear(year: year, date: date, knownYears: knownYears)
        }
        var lines = [
            "\(year): 国务院办公厅关于\(year)年部分节假日安排的通知",
            "  source: \(notice.source)",
            "  notice hash: \(notice.contentHash); calendar version: \(versionHash)",
        ]

        let days = entries.filter { $0.key.year == year }.sorted { $0.key < $1.key }
        var festivals: [(name: String, noticeYear: Int, days: [(CivilDate, NoticeDay.Kind)])] = []
        for (date, entry) in days {
            if let index = festivals.firstIndex(where: { $0.name == entry.festival && $0.noticeYear == entry.noticeYear }) {
                festivals[index].days.append((date, entry.kind))
            } else {
                festivals.append((entry.festival, entry.noticeYear, [(date, entry.kind)]))
            }
        }
        func show(_ date: CivilDate) -> String { "\(date) \(date.weekday.shortName)" }
        for festival in festivals {
            var parts: [String] = []
            let off = festival.days.filter { $0.1 == .holiday }.map(\.0)
            if !off.isEmpty {
                var runs: [[CivilDate]] = []
                for date in off {
                    if let last = runs.last?.last, last.next == date { runs[runs.count - 1].append(date) } else { runs.append([date]) }
                }
                let ranges = runs.map { $0.count == 1 ? show($0[0]) : "\(show($0[0])) – \(show($0[$0.count - 1]))" }
                parts.append("off \(ranges.joined(separator: ", ")) (\(off.count) day\(off.count == 1 ? "" : "s"))")
            }
            let work = festival.days.filter { $0.1 == .workday }.map(\.0)
            if !work.isEmpty {
                parts.append("make-up working day\(work.count == 1 ? "" : "s") \(work.map(show).joined(separator: ", "))")
            }
            let from = festival.noticeYear == year ? "" : " [from the \(festival.noticeYear) notice]"
            lines.append("  \(festival.name): \(parts.joined(separator: "; "))\(from)")
        }

        let first = try CivilDate(year: year, month: 1, day: 1)
        let last = try CivilDate(year: year, month: 12, day: 31)
        let working = try workingDays(from: first, through: last).value.count
        lines.append("  \(working) working days, \(last.days(since: first) + 1 - working) days off")
        return lines.joined(separator: "\n") + "\n"
    }
}
