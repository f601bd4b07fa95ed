/// "What would this rate score?" — the rule of one indicator applied to a rate typed by hand or
/// to two counts, without any window or list (those need the database; see the `…Rule.result`
/// functions). The rate→score curves are the same under every `ScoringPolicy`, so no policy is
/// asked for.
///
/// JSON (`json`): `{"indicator":11,"rate":"97.5%","score":"4.63"}`; from counts
/// `{"indicator":11,"numerator":975,"denominator":1000,"rate":"97.5%","score":"4.63"}`.
/// The rate is written as the exact percentage with trailing zeros trimmed (`97.50%` and `0.975`
/// both give `97.5%`; `99%` gives `99%`). A rate typed as a decimal or percentage always has such
/// a form; a rate from counts that does not terminate within 4 decimals (1 of 3) is written
/// `≈33.3333%` (rounded to nearest) — the counts beside it are exact.
public struct WhatIf: Sendable, Hashable {
    /// Which indicator.
    public let indicator: Indicator
    /// The counted part, when the question was asked with counts.
    public let numerator: Int?
    /// The whole, when the question was asked with counts.
    public let denominator: Int?
    /// The exact rate (0…1).
    public let rate: Rational
    /// The exact score before 注6's rounding, e.g. 37/8 for 97.5% on indicator 11.
    public let exactScore: Rational
    /// The final score, e.g. 4.63.
    public let score: Score

    /// The score of `indicator` for a rate text: `97.5%`, `0.99%`, `99%`, `0.975`, `39/40`.
    /// Throws `.invalidRate` for unreadable text and `.rateOutOfRange` outside 0%…100%.
    public static func evaluate(_ indicator: Indicator, rate text: String) throws(ScoringError) -> WhatIf {
        let rate: Rational
        do {
            rate = try Rational(parsing: text)
        } catch {
            throw .invalidRate(error)
        }
        guard rate >= .zero && rate <= .one else { throw .rateOutOfRange(input: text, rate: rate) }
        return try WhatIf(indicator: indicator, numerator: nil, denominator: nil, rate: rate)
    }

    /// The score of `indicator` for `numerator` of `denominator`. Throws `.negativeCount`,
    /// `.zeroDenominator` (the rate is undefined; the message says what the full scoring does) or
    /// `.countExceedsTotal`.
    public static func evaluate(_ indicator: Indicator, numerator: Int, denominator: Int) throws(ScoringError) -> WhatIf {
        guard numerator >= 0 else { throw .negativeCount(name: "numerator", value: numerator) }
        guard denominator >= 0 else { throw .negativeCount(name: "denominator", value: denominator) }
        guard denominator > 0 else { throw .zeroDenominator(indicator: indicator, name: "denominator") }
        guard let rate = try ScoringArithmetic.rate(numerator, "numerator", of: denominator, "denominator") else {
            throw .zeroDenominator(indicator: indicator, name: "denominator")
        }
        return try WhatIf(indicator: indicator, numerator: numerator, denominator: denominator, rate: rate)
    }

    private init(indicator: Indicator, numerator: Int?, denominator: Int?, rate: Rational) throws(ScoringError) {
        self.indicator = indicator
        self.numerator = numerator
        self.denominator = denominator
        self.rate = rate
        self.exactScore = try indicator.exactScore(forRate: rate)
        self.score = try indicator.score(forRate: rate)
    }

    /// The rate as written in `json`: exact percentage, trailing zeros trimmed (`97.5%`), or
    /// `≈` with 4 decimals when it does not terminate.
    public var rateText: String { rate.percentDisplay(maxDecimals: 4) }

    /// One JSON object on one line, keys in this order: indicator, numerator and denominator (only
    /// when given), rate, score. E.g. `{"indicator":11,"rate":"97.5%","score":"4.63"}`.
    public var json: String {
        var fields = ["\"indicator\":\(indicator.number)"]
        if let numerator, let denominator {
            fields.append("\"numerator\":\(numerator)")
            fields.append("\"denominator\":\(denominator)")
        }
        fields.append("\"rate\":\"\(rateText)\"")
        fields.append("\"score\":\"\(score)\"")
        return "{" + fields.joined(separator: ",") + "}"
    }
}

extension WhatIf: CustomStringConvertible {
    /// One line for people, e.g. `指标11 对账整改率: 97.5% → 4.625 → 4.63`
    /// (the exact score shown when it is not already the final one).
    public var description: String {
        let counts = numerator.flatMap { n in denominator.map { " (\(n)/\($0))" } } ?? ""
        let exact = exactScore == score.value ? "" : " → \(exactScore.exactDecimalText)"
        return "指标\(indicator.number) \(indicator.chineseName): \(rateText)\(counts)\(exact) → \(score)"
    }
}

extension Rational {
    /// The exact decimal with trailing zeros trimmed when it has at most 6 decimals, else the
    /// fraction (`4.625`, `4.9975`, `14/3`).
    var exactDecimalText: String {
        let six = decimalString(decimals: 6, rounding: .towardZero)
        guard (try? Rational(parsing: six)) == self else { return fractionString }
        var text = six
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
