/// Bytes written for a message: hex, at most the first 16 (`e4 b8 ff …`).
enum InvalidBytes {
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        let shown = bytes.prefix(16).map { String([digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]]) }.joined(separator: " ")
        return bytes.count > 16 ? shown + " …" : shown
    }
}
