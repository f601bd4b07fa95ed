/// Byte classes of ASCII used by the identifier validators.
package enum IdentifierASCII {
    /// `0`–`9`.
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    /// `A`–`Z`.
    static func isUpperLetter(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    /// The bytes of `A`–`Z` without the letters in `excluded`.
    static func upperLetters(excluding excluded: String) -> [UInt8] {
        let skip = Set(excluded.utf8)
        return (UInt8(0x41)...UInt8(0x5A)).filter { !skip.contains($0) }
    }
    /// The bytes of `0`–`9`.
    package static let digits: [UInt8] = Array(UInt8(0x30)...UInt8(0x39))
    /// `value` written as exactly `width` decimal digits with leading zeros (value must fit).
    package static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        precondition(value >= 0 && digits.count <= width, "\(value) does not fit in \(width) digits")
        return String(repeating: "0", count: width - digits.count) + digits
    }
}
