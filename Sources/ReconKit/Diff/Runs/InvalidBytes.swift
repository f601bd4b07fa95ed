/// Bytes that are not UTF-8, written for a message: hex (at most the first 16: `e4 b8 ff …`) and
/// where the first invalid byte is (docs/rules.md, "What counts as a difference": the run names
/// table, key, column and bytes).
enum InvalidBytes {
    /// `e6 b2 b3 ff 20 fe (6 bytes; the first invalid byte is at offset 3, counted from 0)`.
    static func describe(_ bytes: [UInt8]) -> String {
        let offset = firstInvalidOffset(bytes).map { "the first invalid byte is at offset \($0), counted from 0" } ?? "valid UTF-8"
        return "\(hex(bytes)) (\(bytes.count) byte\(bytes.count == 1 ? "" : "s"); \(offset))"
    }

    /// Hex of at most the first 16 bytes.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        let shown = bytes.prefix(16).map { String([digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]]) }.joined(separator: " ")
        return bytes.count > 16 ? shown + " …" : shown
    }

    /// The offset of the first byte that does not start or continue a well-formed UTF-8 sequence
    /// (RFC 3629, table 3-7 of the Unicode standard: no overlong forms, no surrogates); nil when
    /// all are valid.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let second: ClosedRange<UInt8>
            let length: Int
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2; second = 0x80...0xBF
            case 0xE0: length = 3; second = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3; second = 0x80...0xBF
            case 0xED: length = 3; second = 0x80...0x9F
            case 0xF0: length = 4; second = 0x90...0xBF
            case 0xF1...0xF3: length = 4; second = 0x80...0xBF
            case 0xF4: length = 4; second = 0x80...0x8F
            default: return index
            }
            for step in 1..<length {
                let position = index + step
                guard position < bytes.count else { return position }
                let range: ClosedRange<UInt8> = step == 1 ? second : 0x80...0xBF
                guard range.contains(bytes[position]) else { return position }
            }
            index += length
        }
        return nil
    }
}
