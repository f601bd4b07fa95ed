/// The character steps of a pipeline (`fullWidth`, `parentheses`, `trim`, `collapseSpaces`,
/// `upper`) done in one pass over UTF-8 bytes; equivalent to running them one after another in that
/// order, since none of them creates or removes white space except as documented.
///
/// Byte patterns (UTF-8 is self-synchronising: a lead byte such as `EF` or `E3` is never part of
/// another character, so matching three bytes at any position is safe even next to invalid bytes):
/// - U+FF01…U+FF3F = `EF BC 81`…`EF BC BF` → byte − 0x60; U+FF40…U+FF5E = `EF BD 80`…`EF BD 9E` →
///   byte − 0x20 (docs/identifiers.md: "Full-width ASCII (U+FF01–U+FF5E, offset 0xFEE0)");
/// - （ = `EF BC 88`, ） = `EF BC 89`; U+3000 = `E3 80 80`.
/// Any other byte, including bytes that are not valid UTF-8, is copied unchanged.
enum CharacterPass {
    /// Writes the transformed `input` into `out` (which the caller has emptied).
    static func run(_ input: UnsafeRawBufferPointer, steps: NormaliserPipeline.Steps, into out: inout [UInt8]) {
        let count = input.count
        guard count > 0 else { return }
        // No step lengthens the text, so `count` bytes suffice; write through a pointer.
        out.append(contentsOf: repeatElement(0, count: count))
        let written = out.withUnsafeMutableBufferPointer { destination -> Int in
            transform(input, steps: steps, into: destination)
        }
        out.removeLast(count - written)
    }

    /// The pass itself; returns the number of bytes written to `destination`.
    private static func transform(
        _ source: UnsafeRawBufferPointer,
        steps: NormaliserPipeline.Steps,
        into destination: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        let count = source.count
        let fullWidth = steps.fullWidth, parentheses = steps.parentheses
        let trim = steps.trim, collapse = steps.collapseSpaces, upper = steps.upper
        var read = 0
        var write = 0
        var contentEnd = 0  // `write` just after the last byte that is not white space
        var seenContent = false
        var previousWasSpace = false

        while read < count {
            let byte = source[read]

            // White space: ASCII space, tab, LF, CR, or U+3000 (E3 80 80).
            var spaceLength = 0
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                spaceLength = 1
            } else if byte == 0xE3, read + 2 < count, source[read + 1] == 0x80, source[read + 2] == 0x80 {
                spaceLength = 3
            }
            if spaceLength > 0 {
                if trim && !seenContent {
                    // Leading white space: dropped.
                } else if collapse {
                    if !previousWasSpace {
                        destination[write] = 0x20
                        write += 1
                    }
                } else if spaceLength == 3 && fullWidth {
                    destination[write] = 0x20
                    write += 1
                } else {
                    for offset in 0..<spaceLength { destination[write + offset] = source[read + offset] }
                    write += spaceLength
                }
                previousWasSpace = true
                read += spaceLength
                continue
            }
            previousWasSpace = false
            seenContent = true

            // Full-width forms: EF BC xx / EF BD xx.
            if byte == 0xEF, read + 2 < count, fullWidth || parentheses {
                let second = source[read + 1], third = source[read + 2]
                var ascii: UInt8 = 0
                if fullWidth {
                    if second == 0xBC, third >= 0x81, third <= 0xBF {
                        ascii = third &- 0x60
                    } else if second == 0xBD, third >= 0x80, third <= 0x9E {
                        ascii = third &- 0x20
                    }
                } else if second == 0xBC, third == 0x88 || third == 0x89 {
                    ascii = third &- 0x60
                }
                if ascii != 0 {
                    if upper, ascii >= 0x61, ascii <= 0x7A { ascii &-= 0x20 }
                    destination[write] = ascii
                    write += 1
                    contentEnd = write
                    read += 3
                    continue
                }
            }

            var result = byte
            if upper, byte >= 0x61, byte <= 0x7A { result = byte &- 0x20 }
            destination[write] = result
            write += 1
            contentEnd = write
            read += 1
        }
        return trim ? contentEnd : write
    }
}
