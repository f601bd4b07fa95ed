/// The PostgreSQL COPY text format: tab-separated fields, `\N` for NULL, backslash escapes.
///
/// Pure functions on bytes, shared by COPY IN (escaping) and COPY OUT readers (splitting and
/// unescaping), so that rows can be handled without building a `String` per row.
public enum CopyText {
    /// Appends a value escaped for COPY text; `nil` becomes `\N`.
    public static func appendEscaped(_ value: String?, to buffer: inout [UInt8]) {
        guard let value else {
            buffer.append(0x5C); buffer.append(0x4E)  // \N
            return
        }
        for byte in value.utf8 { appendEscapedByte(byte, to: &buffer) }
    }

    /// Appends a byte value escaped for COPY text; `nil` becomes `\N`.
    public static func appendEscaped(bytes value: [UInt8]?, to buffer: inout [UInt8]) {
        guard let value else {
            buffer.append(0x5C); buffer.append(0x4E)
            return
        }
        for byte in value { appendEscapedByte(byte, to: &buffer) }
    }

    /// Appends a byte value escaped for COPY text.
    public static func appendEscaped(raw value: UnsafeRawBufferPointer, to buffer: inout [UInt8]) {
        for byte in value { appendEscapedByte(byte, to: &buffer) }
    }

    @inline(__always)
    static func appendEscapedByte(_ byte: UInt8, to buffer: inout [UInt8]) {
        switch byte {
        case 0x5C: buffer.append(0x5C); buffer.append(0x5C)  // backslash
        case 0x09: buffer.append(0x5C); buffer.append(0x74)  // \t
        case 0x0A: buffer.append(0x5C); buffer.append(0x6E)  // \n
        case 0x0D: buffer.append(0x5C); buffer.append(0x72)  // \r
        default: buffer.append(byte)
        }
    }

    /// Splits one row (with or without its final `\n`) into field ranges, reusing `fields`.
    ///
    /// Separators are raw tab bytes: a tab inside a value is always escaped as `\t`.
    @inline(__always)
    public static func split(_ row: UnsafeRawBufferPointer, into fields: inout [Range<Int>]) {
        fields.removeAll(keepingCapacity: true)
        var end = row.count
        if end > 0 && row[end - 1] == 0x0A { end -= 1 }
        var start = 0
        var i = 0
        while i < end {
            if row[i] == 0x09 {
                fields.append(start..<i)
                start = i + 1
            }
            i += 1
        }
        fields.append(start..<end)
    }

    /// Whether a raw field is the NULL marker `\N`.
    @inline(__always)
    public static func isNull(_ field: UnsafeRawBufferPointer) -> Bool {
        field.count == 2 && field[0] == 0x5C && field[1] == 0x4E
    }

    /// Whether a raw field needs unescaping (contains a backslash).
    @inline(__always)
    public static func hasEscapes(_ field: UnsafeRawBufferPointer) -> Bool {
        field.contains(0x5C)
    }

    /// Unescapes a raw (non-NULL) field into `output`, replacing its contents.
    public static func unescape(_ field: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        var i = 0
        let n = field.count
        while i < n {
            let byte = field[i]
            if byte != 0x5C || i + 1 >= n {
                output.append(byte)
                i += 1
                continue
            }
            let next = field[i + 1]
            i += 2
            switch next {
            case 0x62: output.append(0x08)  // \b
            case 0x66: output.append(0x0C)  // \f
            case 0x6E: output.append(0x0A)  // \n
            case 0x72: output.append(0x0D)  // \r
            case 0x74: output.append(0x09)  // \t
            case 0x76: output.append(0x0B)  // \v
            case 0x30...0x37:  // octal \ooo (1–3 digits)
                var value = Int(next - 0x30)
                var digits = 1
                while digits < 3, i < n, (0x30...0x37).contains(field[i]) {
                    value = value * 8 + Int(field[i] - 0x30)
                    i += 1; digits += 1
                }
                output.append(UInt8(truncatingIfNeeded: value))
            case 0x78:  // \xhh (1–2 hex digits)
                var value = 0
                var digits = 0
                while digits < 2, i < n, let h = hexValue(field[i]) {
                    value = value * 16 + h
                    i += 1; digits += 1
                }
                if digits == 0 { output.append(0x78) } else { output.append(UInt8(value)) }
            default: output.append(next)  // \\ and any other escaped character stand for themselves
            }
        }
    }

    /// A field's value as a `String` (`nil` for NULL); for tests and small uses, not hot paths.
    /// The field's value, or `.invalid` with the raw bytes when they are not valid UTF-8 (a
    /// registry in SQL_ASCII can hold any byte): for values that must be shown exactly.
    public static func decodeExactly(_ field: UnsafeRawBufferPointer) -> ExactText {
        if isNull(field) { return .null }
        var bytes: [UInt8] = []
        unescape(field, into: &bytes)
        guard let text = String(validating: bytes, as: UTF8.self) else { return .invalid(bytes) }
        return .text(text)
    }

    /// What ``decodeExactly(_:)`` found.
    public enum ExactText: Sendable, Equatable {
        /// NULL.
        case null
        /// Valid UTF-8.
        case text(String)
        /// Bytes that are not UTF-8.
        case invalid([UInt8])
    }

    public static func decode(_ field: UnsafeRawBufferPointer) -> String? {
        if isNull(field) { return nil }
        var bytes: [UInt8] = []
        unescape(field, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Splits and decodes a whole row into strings (`nil` for NULL); for tests and small uses.
    public static func decodeRow(_ row: UnsafeRawBufferPointer) -> [String?] {
        var ranges: [Range<Int>] = []
        split(row, into: &ranges)
        return ranges.map { decode(UnsafeRawBufferPointer(rebasing: row[$0])) }
    }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: return Int(byte - 0x30)
        case 0x41...0x46: return Int(byte - 0x41 + 10)
        case 0x61...0x66: return Int(byte - 0x61 + 10)
        default: return nil
        }
    }
}
