/// Convenience forms of `NormaliserPipeline` for tests and small uses (one allocation per call; use
/// the buffer-pointer API in bulk comparisons).
extension NormaliserPipeline {
    /// `value` normalised; nil for NULL (a nil `value` is SQL NULL). A `String` is valid UTF-8 and
    /// every step keeps valid UTF-8 valid, so nothing is lost in the conversion.
    public func apply(_ value: String?) -> String? {
        guard var value else { return nil }
        var out: [UInt8] = []
        let isValue = value.withUTF8 { apply(UnsafeRawBufferPointer($0), into: &out) }
        return isValue ? String(decoding: out, as: UTF8.self) : nil
    }

    /// Raw bytes (possibly invalid UTF-8) normalised; nil for NULL.
    public func apply(bytes: [UInt8]?) -> [UInt8]? {
        guard let bytes else { return nil }
        var out: [UInt8] = []
        let isValue = bytes.withUnsafeBytes { apply($0, into: &out) }
        return isValue ? out : nil
    }

    /// Whether `a` and `b` (nil = SQL NULL) are equal after normalising (see `equal(_:_:scratch:)`).
    public func equal(_ a: String?, _ b: String?) -> Bool {
        equal(bytes: a.map { Array($0.utf8) }, b.map { Array($0.utf8) })
    }

    /// Whether raw byte values `a` and `b` (nil = SQL NULL) are equal after normalising.
    public func equal(bytes a: [UInt8]?, _ b: [UInt8]?) -> Bool {
        var scratch = Scratch(capacity: 0)
        return Self.withOptionalBytes(a) { a in
            Self.withOptionalBytes(b) { b in equal(a, b, scratch: &scratch) }
        }
    }

    /// Calls `body` with a buffer over `bytes`, or nil for nil.
    private static func withOptionalBytes<R>(_ bytes: [UInt8]?, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
        guard let bytes else { return body(nil) }
        return bytes.withUnsafeBytes { body($0) }
    }
}
