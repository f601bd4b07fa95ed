/// A valid resident identity card number (居民身份证号码, GB 11643-1999).
///
/// docs/identifiers.md: "18 characters: 6-digit address code, 8-digit birth date `YYYYMMDD`, 3-digit
/// sequence (odd = male), 1 check character. … A lower-case `x` is the same number (normalise to
/// upper case)."
public struct ResidentID: Sendable, Hashable, CustomStringConvertible {
    /// The 18 characters, check character `X` in upper case.
    public let value: String

    /// docs/identifiers.md: "weights `7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2` over the first 17 digits".
    static let weights: [Int] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// docs/identifiers.md: "`sum mod 11` indexes `"10X98765432"`".
    static let checkCharacters: [UInt8] = Array("10X98765432".utf8)

    /// The earliest birth year accepted as plausible (this project's choice: no living holder is
    /// older).
    public static let earliestBirthYear = 1900
    /// The latest birth year accepted when no `latestBirthDate` is given (this project's choice).
    public static let latestBirthYear = 2099

    /// Validates `string` (lower-case `x` accepted and stored as `X`).
    /// - Parameter latestBirthDate: if given, a birth date after it is implausible (pass today's
    ///   Beijing date to reject births in the future).
    public init(_ string: String, latestBirthDate: BirthDate? = nil) throws(IdentifierError) {
        let normalised = Self.normalised(string)
        if let problem = Self.problem(in: normalised, original: string, latestBirthDate: latestBirthDate) {
            throw problem
        }
        value = normalised
    }

    /// Whether `string` is a valid number (lower-case `x` accepted).
    public static func isValid(_ string: String, latestBirthDate: BirthDate? = nil) -> Bool {
        problem(in: normalised(string), original: string, latestBirthDate: latestBirthDate) == nil
    }

    /// `string` with a lower-case `x` written `X` (docs/identifiers.md: "A lower-case `x` is the same
    /// number"). Nothing else is changed.
    public static func normalised(_ string: String) -> String {
        string.contains("x") ? String(string.map { $0 == "x" ? "X" : $0 }) : string
    }

    /// The check character for the first 17 characters of `digits` (which must be 17 or 18 ASCII
    /// digits; an 18th character is ignored), or nil if they are not.
    public static func checkCharacter(forFirst17 digits: some StringProtocol) -> Character? {
        let bytes = Array(digits.utf8.prefix(17))
        guard bytes.count == 17, digits.utf8.count <= 18, bytes.allSatisfy(IdentifierASCII.isDigit) else { return nil }
        var sum = 0
        for (byte, weight) in zip(bytes, weights) { sum += Int(byte - 0x30) * weight }
        return Character(Unicode.Scalar(checkCharacters[sum % 11]))
    }

    /// Builds the number for a 6-digit region (address) code, a birth date and a sequence
    /// number 0–999 (odd = male), computing the check character.
    public static func make(region: String, birthDate: BirthDate, sequence: Int) throws(IdentifierError) -> ResidentID {
        guard region.utf8.count == 6, region.utf8.allSatisfy(IdentifierASCII.isDigit) else {
            throw IdentifierError(.residentID, value: region, reason: .unknownRegion(region))
        }
        guard (0...999).contains(sequence) else {
            throw IdentifierError(.residentID, value: region, reason: .outOfRange(name: "sequence", value: sequence, range: 0...999))
        }
        let body = region + birthDate.compact + IdentifierASCII.zeroPadded(sequence, width: 3)
        // Non-nil: body is 17 ASCII digits by construction.
        let check = checkCharacter(forFirst17: body)!
        return try ResidentID(body + String(check))
    }

    /// The 6-digit region (address) code.
    public var regionCode: String { String(value.prefix(6)) }
    /// The birth date embedded in positions 7–14.
    public var birthDate: BirthDate {
        let digits = Array(value.utf8)
        return BirthDate(digitsAt: 6, of: digits)!  // Valid by construction.
    }
    /// The 3-digit sequence number (positions 15–17).
    public var sequence: Int { Int(String(value.dropFirst(14).prefix(3)))! }
    /// Whether the holder is male (odd sequence number).
    public var isMale: Bool { sequence % 2 == 1 }
    /// The number itself.
    public var description: String { value }

    /// The first problem with `normalised` (already upper-cased), reported against `original`.
    static func problem(in normalised: String, original: String, latestBirthDate: BirthDate?) -> IdentifierError? {
        func fail(_ reason: IdentifierError.Reason) -> IdentifierError { IdentifierError(.residentID, value: original, reason: reason) }
        let characters = Array(normalised)
        guard characters.count == 18 else { return fail(.wrongLength(actual: characters.count, expected: "18")) }
        for (index, character) in characters.enumerated() {
            let isDigit = character.isASCII && character.isWholeNumber
            if index < 17, !isDigit {
                return fail(.invalidCharacter(character, position: index + 1, expected: "a digit 0-9"))
            }
            if index == 17, !isDigit, character != "X" {
                return fail(.invalidCharacter(character, position: 18, expected: "a digit 0-9 or X"))
            }
        }
        let digits = Array(normalised.utf8)
        guard let birth = BirthDate(digitsAt: 6, of: digits),
              latestBirthDate.map({ birth <= $0 }) ?? true
        else {
            return fail(.implausibleBirthDate(String(decoding: digits[6..<14], as: UTF8.self)))
        }
        let expected = checkCharacter(forFirst17: normalised)!
        if characters[17] != expected {
            return fail(.wrongCheckCharacter(found: characters[17], expected: expected, position: 18))
        }
        return nil
    }
}

extension ResidentID {
    /// A birth date embedded in a resident ID number: a real calendar date with year in
    /// `earliestBirthYear...latestBirthYear` ("birth date plausible").
    public struct BirthDate: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The year, e.g. 1991.
        public let year: Int
        /// The month 1–12.
        public let month: Int
        /// The day of the month.
        public let day: Int

        /// A birth date, or nil if it is not a real date in the plausible year range.
        public init?(year: Int, month: Int, day: Int) {
            guard (ResidentID.earliestBirthYear...ResidentID.latestBirthYear).contains(year),
                  CivilDate.isValid(year: year, month: month, day: day)
            else { return nil }
            self.year = year
            self.month = month
            self.day = day
        }

        /// Parses 8 ASCII digits `YYYYMMDD` starting at `offset`.
        init?(digitsAt offset: Int, of bytes: [UInt8]) {
            guard bytes.count >= offset + 8, bytes[offset..<offset + 8].allSatisfy(IdentifierASCII.isDigit) else { return nil }
            func number(_ from: Int, _ count: Int) -> Int {
                bytes[(offset + from)..<(offset + from + count)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            }
            self.init(year: number(0, 4), month: number(4, 2), day: number(6, 2))
        }

        /// `YYYYMMDD`, as embedded in the number.
        public var compact: String {
            IdentifierASCII.zeroPadded(year, width: 4) + IdentifierASCII.zeroPadded(month, width: 2)
                + IdentifierASCII.zeroPadded(day, width: 2)
        }

        /// `YYYY-MM-DD`.
        public var description: String {
            IdentifierASCII.zeroPadded(year, width: 4) + "-" + IdentifierASCII.zeroPadded(month, width: 2) + "-"
                + IdentifierASCII.zeroPadded(day, width: 2)
        }

        /// Chronological order.
        public static func < (lhs: BirthDate, rhs: BirthDate) -> Bool {
            (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
        }
    }
}
