/// Calendar arithmetic the identifier validators and the date normaliser need: month lengths of
/// the proleptic Gregorian calendar. (Calendar dates carry no time zone; everything in this project
/// is Beijing time.)
enum GregorianDate {
    /// Whether `year` is a Gregorian leap year.
    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` (1–12) of `year`, or 0 for a month outside 1–12.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// Whether year/month/day name a real date (year 1–9999).
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...9999).contains(year) && day >= 1 && day <= daysIn(month: month, year: year)
    }
}
