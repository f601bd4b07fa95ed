import Foundation

/// Why a score could not be computed. Messages are English and name the offending value.
public enum ScoringError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An indicator number other than 10, 11, 12.
    case unknownIndicator(Int)
    /// A scoring policy name that does not exist; `known` lists the valid names.
    case unknownPolicy(name: String, known: [String])
    /// A count below zero, e.g. `negativeCount(name: "differing keys", value: -1)`.
    case negativeCount(name: String, value: Int)
    /// A part larger than its whole, e.g. 101 differing keys of 100 keys (a rate above 100%).
    case countExceedsTotal(name: String, value: Int, totalName: String, total: Int)
    /// A what-if question with a zero denominator: the rate is undefined.
    case zeroDenominator(indicator: Indicator, name: String)
    /// A rate outside 0%…100%; `input` is the text given (or the counts).
    case rateOutOfRange(input: String, rate: Rational)
    /// A rate text that could not be read.
    case invalidRate(RationalError)
    /// Exact arithmetic left the 64-bit range (only for counts far beyond any registry).
    case arithmetic(RationalError)

    /// The English message.
    public var description: String {
        switch self {
        case let .unknownIndicator(number):
            return "unknown indicator \(number): scoring covers indicators 10 (对账差异率), 11 (对账整改率), 12 (数据归集率)"
        case let .unknownPolicy(name, known):
            return "unknown scoring policy '\(name)' (valid: \(known.joined(separator: ", ")))"
        case let .negativeCount(name, value):
            return "\(name) must not be negative, got \(value)"
        case let .countExceedsTotal(name, value, totalName, total):
            return "\(name) (\(value)) exceed \(totalName) (\(total)): the rate would be above 100%"
        case let .zeroDenominator(indicator, name):
            let meaning: String
            switch indicator {
            case .differenceRate:
                meaning = "with no records the rate is undefined; the scoring policy decides (see ScoringPolicy.emptyReconciliation)"
            case .rectificationRate:
                meaning = "an empty rectification list scores 5 (对账无差异的省份，得5分)"
            case .aggregationRate:
                meaning = "no business records scores 0 (无业务数据)"
            }
            return "indicator \(indicator.number): \(name) is 0, so the rate is undefined (\(meaning)); give a denominator ≥ 1"
        case let .rateOutOfRange(input, rate):
            return "rate '\(input)' is \(rate.percentDisplay()) — a rate must lie between 0% and 100% "
                + "(write 97.5% or 0.975; a bare 99 means 9900%)"
        case let .invalidRate(error):
            return error.description
        case let .arithmetic(error):
            return error.description
        }
    }
}

extension ScoringError: LocalizedError {
    /// Same as `description`.
    public var errorDescription: String? { description }
}
