/// A road-transport business licence number (经营许可证号) or road transport certificate number
/// (道路运输证号): both have the same shape.
///
/// docs/identifiers.md: "12 digits, a 6-digit region code then a 6-digit sequence; the 字 (e.g.
/// `豫交运管许可郑字`) is a separate field (format of the 字 *unverified*)." The 字 is not handled
/// here. The region code must lie in a province-level unit (its first two digits are a province's,
/// or 新疆生产建设兵团's configurable code's).
public struct PermitNumber: Sendable, Hashable, CustomStringConvertible {
    /// The 12 digits.
    public let value: String

    /// Validates `string` (12 ASCII digits, region in a known province-level unit).
    public init(_ string: String, xpccCode: String = ProvinceCode.defaultXPCCCode) throws(IdentifierError) {
        if let problem = Self.problem(in: string, xpccCode: xpccCode) { throw problem }
        value = string
    }

    /// Whether `string` is a valid number.
    public static func isValid(_ string: String, xpccCode: String = ProvinceCode.defaultXPCCCode) -> Bool {
        problem(in: string, xpccCode: xpccCode) == nil
    }

    /// The number for a 6-digit region code and a sequence 0–999999.
    public static func make(
        region: String,
        sequence: Int,
        xpccCode: String = ProvinceCode.defaultXPCCCode
    ) throws(IdentifierError) -> PermitNumber {
        guard (0...999_999).contains(sequence) else {
            throw IdentifierError(.permitNumber, value: region, reason: .outOfRange(name: "sequence", value: sequence, range: 0...999_999))
        }
        guard region.utf8.count == 6, region.utf8.allSatisfy(IdentifierASCII.isDigit) else {
            throw IdentifierError(.permitNumber, value: region, reason: .unknownRegion(region))
        }
        return try PermitNumber(region + IdentifierASCII.zeroPadded(sequence, width: 6), xpccCode: xpccCode)
    }

    /// The 6-digit region code.
    public var regionCode: String { String(value.prefix(6)) }
    /// The 6-digit sequence number.
    public var sequence: Int { Int(value.suffix(6))! }
    /// The number itself.
    public var description: String { value }

    /// The first problem with `string`, or nil.
    static func problem(in string: String, xpccCode: String) -> IdentifierError? {
        func fail(_ reason: IdentifierError.Reason) -> IdentifierError {
            IdentifierError(.permitNumber, value: string, reason: reason)
        }
        let characters = Array(string)
        guard characters.count == 12 else { return fail(.wrongLength(actual: characters.count, expected: "12")) }
        for (index, character) in characters.enumerated() {
            guard let ascii = character.asciiValue, IdentifierASCII.isDigit(ascii) else {
                return fail(.invalidCharacter(character, position: index + 1, expected: "a digit 0-9"))
            }
        }
        let region = string.prefix(6)
        guard ProvinceCode.containing(regionCode: region, xpccCode: xpccCode) != nil else {
            return fail(.unknownRegion(String(region)))
        }
        return nil
    }
}
