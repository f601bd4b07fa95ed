/// The score of one indicator, held exactly in hundredths of a point.
///
/// 注6: "考核指标计分保留两位小数，不足0.01分的按0.01分计算，除特殊说明外，每项最低得分为0分。"
/// docs/rules.md *Rounding and arithmetic*: "Final score: exact value, then rounded **up** to the
/// next 0.01 where it has a remainder (不足0.01分的按0.01分计算): 4.625 → 4.63, 4.6201 → 4.63,
/// 4.62 → 4.62." So a score is never negative and always a whole number of hundredths.
///
/// Written with two decimals (`4.63`, `5.00`, `0.00`); encoded in JSON as that string.
public struct Score: Sendable, Hashable, Comparable {
    /// The score in hundredths of a point, ≥ 0 (463 is 4.63). This is what the database keeps
    /// (`recon.scores.score_hundredths`).
    public let hundredths: Int

    /// A score of `hundredths`/100 points; nil for a negative value.
    public init?(hundredths: Int) {
        guard hundredths >= 0 else { return nil }
        self.hundredths = hundredths
    }

    /// The score for an exact value, by 注6: any part smaller than 0.01 counts as a full 0.01
    /// (ceiling to hundredths), and below 0 counts as 0 ("每项最低得分为0分").
    /// 37/8 (4.625) → 4.63; 46201/10000 → 4.63; 231/50 (4.62) → 4.62; -1/2 → 0.00.
    /// Throws only for values far outside any score (overflow of the value × 100).
    public init(roundingUp exact: Rational) throws(RationalError) {
        let ceiling = try exact.multiplied(by: Rational(100)).ceiling()
        self.hundredths = Swift.max(0, ceiling)
    }

    /// `points` whole points, e.g. `.points(5)` = 5.00. `points` must be ≥ 0.
    public static func points(_ points: Int) -> Score {
        precondition(points >= 0 && points <= Int.max / 100, "a score of \(points) points is out of range")
        return Score(validHundredths: points * 100)
    }

    /// 0.00.
    public static let zero = Score(validHundredths: 0)

    /// Internal: a value known to be ≥ 0.
    init(validHundredths: Int) {
        self.hundredths = validHundredths
    }

    /// The exact value, e.g. 463/100.
    public var value: Rational {
        // 100 > 0: cannot fail.
        try! Rational(hundredths, 100)
    }

    /// Orders by value.
    public static func < (lhs: Score, rhs: Score) -> Bool { lhs.hundredths < rhs.hundredths }
}

extension Score: CustomStringConvertible {
    /// Two decimals: `4.63`, `5.00`, `0.00`, `0.01`.
    public var description: String {
        let cents = hundredths % 100
        return "\(hundredths / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}

extension Score: Codable {
    /// Decodes a string such as `"4.63"` (any exact value that is a whole number of hundredths
    /// and ≥ 0; `"4.625"` and `"-1"` are refused).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let exact = try? Rational(parsing: text), exact.signum >= 0,
              let hundredths = try? exact.multiplied(by: Rational(100)), hundredths.isInteger
        else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a score (a value ≥ 0 with at most two decimals)")
        }
        self.init(validHundredths: hundredths.numerator)
    }

    /// Encodes the two-decimal string, e.g. `"4.63"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
