/// An answer of the calendar together with the unknown years it had to assume ordinary
/// Monday–Friday weeks for (always empty unless `assumeOrdinaryWeekends` is switched on).
public struct CalendarAnswer<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The answer.
    public let value: Value
    /// The unknown years, ascending, whose days were taken as ordinary weeks.
    public let assumedYears: [Int]

    /// Creates the answer.
    public init(value: Value, assumedYears: [Int]) {
        self.value = value
        self.assumedYears = assumedYears
    }

    /// True when any part of the answer rests on the ordinary-weeks assumption, i.e. it may
    /// change once the notice of an `assumedYears` year is loaded.
    public var usedOrdinaryWeekendAssumption: Bool { !assumedYears.isEmpty }
}
