/// Strict readers of fixed-width ASCII digit fields, shared by the date, month, quarter and
/// timestamp parsers.
enum DigitScanner {
    /// The value of `count` ASCII digits of `bytes` starting at `start`, or nil when any is not a
    /// digit or the text is too short.
    static func number(_ bytes: [UInt8], at start: Int, count: Int) -> Int? {
        guard start >= 0, count > 0, start + count <= bytes.count else { return nil }
        var value = 0
        for index in start..<(start + count) {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
