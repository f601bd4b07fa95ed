/// Checks a civil date-time for an Excel date cell (years 1900…9999, a real Gregorian day).
enum ExcelDate {
    /// Why the date-time does not exist or is outside Excel's range, or nil when it is fine.
    static func problem(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0,
                        second: Int = 0) -> String? {
        guard (1900...9999).contains(year) else { return "year \(year) is outside Excel's 1900…9999" }
        guard (1...12).contains(month) else { return "month \(month) is outside 1…12" }
        let days = daysInMonth(year: year, month: month)
        guard (1...days).contains(day) else { return "day \(day) is outside 1…\(days)" }
        guard (0...23).contains(hour) else { return "hour \(hour) is outside 0…23" }
        guard (0...59).contains(minute) else { return "minute \(minute) is outside 0…59" }
        guard (0...59).contains(second) else { return "second \(second) is outside 0…59" }
        return nil
    }

    /// Days in a Gregorian month.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DD hh:mm:ss` for messages (components printed as given).
    static func text(year: Int, month: Int, day: Int, time: (Int, Int, Int)? = nil) -> String {
        func two(_ n: Int) -> String { n >= 0 && n < 10 ? "0\(n)" : "\(n)" }
        var text = "\(year)-\(two(month))-\(two(day))"
        if let (h, m, s) = time { text += " \(two(h)):\(two(m)):\(two(s))" }
        return text
    }
}
