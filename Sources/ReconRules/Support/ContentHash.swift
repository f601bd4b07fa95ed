/// A stable 64-bit FNV-1a content hash, written as 16 hex digits.
///
/// Used to notice changed migration files and calendar versions: it detects edits, it is not a
/// defence against a deliberate forger.
public enum ContentHash {
    /// The hash of some bytes.
    public static func fnv1a64<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The hash of a string's UTF-8 bytes, as 16 lower-case hex digits.
    public static func hex(_ text: String) -> String {
        let value = fnv1a64(text.utf8)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
