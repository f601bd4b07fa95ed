/// Why a string is not a valid identifier of some kind. The message names the kind (Chinese term),
/// the offending value and the position (1-based) of the first problem.
public struct IdentifierError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of identifier that was expected.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// 居民身份证号码 (GB 11643-1999).
        case residentID = "居民身份证号码"
        /// 统一社会信用代码 (GB 32100-2015).
        case socialCreditCode = "统一社会信用代码"
        /// 车辆识别代号 VIN (GB 16735 / ISO 3779).
        case vin = "车辆识别代号(VIN)"
        /// 号牌号码 (GA 36-2018).
        case plateNumber = "号牌号码"
        /// 经营许可证号 / 道路运输证号.
        case permitNumber = "经营许可证号/道路运输证号"
    }

    /// What is wrong.
    public enum Reason: Sendable, Hashable {
        /// The number of characters is wrong.
        case wrongLength(actual: Int, expected: String)
        /// The character at `position` (1-based) is not allowed there; `expected` describes what is.
        case invalidCharacter(Character, position: Int, expected: String)
        /// The check character at `position` does not match the one computed from the others.
        case wrongCheckCharacter(found: Character, expected: Character, position: Int)
        /// The embedded birth date (`YYYYMMDD`) is not a plausible date.
        case implausibleBirthDate(String)
        /// The region code (or its province part) is not a known province-level unit.
        case unknownRegion(String)
        /// A number given to a generator is out of its range.
        case outOfRange(name: String, value: Int, range: ClosedRange<Int>)
    }

    /// The kind of identifier that was expected.
    public let kind: Kind
    /// The offending value, as given.
    public let value: String
    /// What is wrong with it.
    public let reason: Reason

    /// Creates an error for `value` of `kind`.
    public init(_ kind: Kind, value: String, reason: Reason) {
        self.kind = kind
        self.value = value
        self.reason = reason
    }

    /// A one-line English message naming the kind, the value and the problem.
    public var description: String {
        let subject = "\(kind.rawValue) \"\(value)\""
        switch reason {
        case let .wrongLength(actual, expected):
            return "\(subject): has \(actual) characters, expected \(expected)"
        case let .invalidCharacter(character, position, expected):
            return "\(subject): character '\(character)' at position \(position) is not allowed (expected \(expected))"
        case let .wrongCheckCharacter(found, expected, position):
            return "\(subject): check character at position \(position) is '\(found)', computed '\(expected)'"
        case let .implausibleBirthDate(date):
            return "\(subject): birth date \(date) is not a plausible date"
        case let .unknownRegion(code):
            return "\(subject): region code \(code) is not a known province-level unit"
        case let .outOfRange(name, number, range):
            return "\(subject): \(name) \(number) is outside \(range.lowerBound)...\(range.upperBound)"
        }
    }
}
