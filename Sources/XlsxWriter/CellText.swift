/// Prepares a Swift string for an XLSX text cell.
///
/// - A NUL (which cannot pass through C or be stored in a cell) becomes U+FFFD.
/// - A literal `_xHHHH_` in the text would be decoded by Excel as the character U+HHHH
///   (ECMA-376 escape); its `_` is written as `_x005F_` so that Excel shows the text as given.
///   (libxlsxwriter itself escapes control characters as `_xHHHH_`.)
/// - Over-long text is cut per ``OverlongTextPolicy``.
enum CellText {
    /// The outcome of ``prepare(_:policy:limit:marker:)``.
    enum Prepared: Equatable {
        /// Text ready for libxlsxwriter; `truncated` when it was cut and marked.
        case ready(String, truncated: Bool)
        /// The text is too long and the policy says throw; `length` in UTF-16 code units.
        case tooLong(length: Int)
    }

    /// The prepared text for `text` under `policy`; `limit` is the maximum cell length as Excel
    /// counts it (UTF-16 code units), ``ExcelLimits/maxCellTextLength`` outside tests.
    static func prepare(_ text: String, policy: OverlongTextPolicy, limit: Int,
                        marker: String) -> Prepared {
        var base = text.utf8.contains(0) ? text.replacingNULs() : text
        // Fast path: UTF-16 units never outnumber UTF-8 bytes, and `utf8.count` is O(1).
        let length = base.utf8.count <= limit ? 0 : base.utf16.count
        guard length > limit else {
            let escaped = escapeUnderscoreX(base)
            // libxlsxwriter counts the escaped text (in code points) against the same limit.
            if escaped.utf8.count == base.utf8.count || escaped.unicodeScalars.count <= limit {
                return .ready(escaped, truncated: false)
            }
            guard policy == .truncate else { return .tooLong(length: base.utf16.count) }
            return .ready(truncatedAndEscaped(base, limit: limit, marker: marker), truncated: true)
        }
        guard policy == .truncate else { return .tooLong(length: length) }
        base = truncate(base, toUTF16Length: limit - marker.utf16.count)
        return .ready(truncatedAndEscaped(base, limit: limit, marker: marker), truncated: true)
    }

    /// `base` cut further until, with `marker` appended and `_x` escapes applied, it fits `limit`
    /// both as Excel counts (UTF-16, unescaped) and as libxlsxwriter counts (code points, escaped).
    private static func truncatedAndEscaped(_ base: String, limit: Int, marker: String) -> String {
        var kept = truncate(base, toUTF16Length: limit - marker.utf16.count)
        while true {
            let escaped = escapeUnderscoreX(kept + marker)
            let excess = escaped.unicodeScalars.count - limit
            if excess <= 0 { return escaped }
            kept = truncate(kept, toUTF16Length: max(0, kept.utf16.count - excess))
        }
    }

    /// The longest prefix of whole characters of `text` with at most `budget` UTF-16 code units.
    static func truncate(_ text: String, toUTF16Length budget: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let next = text.index(after: index)
            let width = text.utf16.distance(from: index, to: next)
            if used + width > budget { break }
            used += width
            end = next
        }
        return String(text[..<end])
    }

    /// `text` with every `_x` that starts an `_xHHHH_` sequence written as `_x005F_x`.
    static func escapeUnderscoreX(_ text: String) -> String {
        guard text.utf8.contains(0x5F) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 14)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x5F, index + 6 < bytes.count, bytes[index + 1] == 0x78,
               bytes[index + 6] == 0x5F, bytes[(index + 2)...(index + 5)].allSatisfy(isHexDigit) {
                out.append(contentsOf: Array("_x005F".utf8))
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }
}

extension String {
    /// The string with each NUL replaced by U+FFFD.
    fileprivate func replacingNULs() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
    }
}
