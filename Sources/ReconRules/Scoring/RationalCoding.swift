extension Rational: Codable {
    /// Decodes the string `"numerator/denominator"` (also accepts any form `init(parsing:)` reads).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Rational(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the exact value as the string `"numerator/denominator"`, e.g. `"39/40"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fractionString)
    }
}
