/// A way the province spells a value differently from the ministry without it being a different
/// value — dirt that must NOT be reported (docs/identifiers.md, "Dirt seen in real copies"). Each kind is
/// planted only on a field whose normalisers remove it (``requiredNormalisers``), and only where
/// the value has the shape the kind changes.
import ReconRules
import ReconKit

enum PlantedNoise: String, Sendable, CaseIterable {
    /// ASCII letters, digits and punctuation written full-width (全角, U+FF01–U+FF5E), spaces as
    /// U+3000.
    case fullWidth
    /// Spaces (ASCII or U+3000) before and/or after the value.
    case surroundingSpaces
    /// One inner space doubled or tripled.
    case doubledSpaces
    /// ASCII letters in lower case (e.g. the `x` of an ID number).
    case lowerCase
    /// A date `YYYY-MM-DD` written `YYYYMMDD`.
    case compactDate
    /// A date written with a time of day, `YYYY-MM-DD hh:mm:ss`.
    case dateWithTime
    /// A date written unpadded, `YYYY-M-D`, or with slashes.
    case looseDate
    /// A number written with a fractional zero or two (`4500.0`, `4500.00`) or a leading zero.
    case decimalScale
    /// NULL written as an empty string.
    case emptyForNull
    /// NULL written as a placeholder: `无`, `暂无`, `-`, `/`, `null`, `N/A` … (docs/identifiers.md:
    /// "`''`, `'0'` or `无` standing for empty").
    case placeholderForNull
    /// NULL written as `0` (only where 0 is never a value, e.g. dates).
    case zeroForNull
    /// Parentheses swapped between full-width （） and ASCII ().
    case parentheses

    /// The normalisers that must all be configured on a field for this kind to be planted there.
    var requiredNormalisers: Set<FieldNormaliser> {
        switch self {
        case .fullWidth: [.fullWidth]
        case .surroundingSpaces: [.trim]
        case .doubledSpaces: [.collapseSpaces]
        case .lowerCase: [.upper]
        case .compactDate, .dateWithTime, .looseDate: [.date]
        case .decimalScale: [.decimal]
        case .emptyForNull: [.emptyAsNull]
        case .placeholderForNull: [.placeholderAsNull]
        case .zeroForNull: [.zeroAsNull]
        case .parentheses: [.parentheses]
        }
    }

    /// The kinds a field with `normalisers` can carry (a field-level filter; the value's shape is
    /// checked when planting). `parentheses` is also open to a field with `fullWidth`, which maps
    /// （） to () as well.
    static func kinds(for normalisers: [FieldNormaliser]) -> [PlantedNoise] {
        let configured = Set(normalisers)
        return allCases.filter { kind in
            if kind == .parentheses && configured.contains(.fullWidth) { return true }
            return kind.requiredNormalisers.isSubset(of: configured)
        }
    }

    /// Whether this kind changes `value` (the canonical value; nil = NULL).
    func applies(to value: ArraySlice<UInt8>?) -> Bool {
        guard let value else { return self == .emptyForNull || self == .placeholderForNull || self == .zeroForNull }
        switch self {
        case .emptyForNull, .placeholderForNull, .zeroForNull: return false
        case .fullWidth: return value.contains { $0 >= 0x21 && $0 <= 0x7E }
        case .surroundingSpaces: return !value.isEmpty
        case .doubledSpaces: return value.contains(0x20)
        case .lowerCase: return value.contains { $0 >= 0x41 && $0 <= 0x5A }
        case .compactDate, .dateWithTime, .looseDate: return Self.isDate(value)
        case .decimalScale: return !value.isEmpty && value.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        case .parentheses: return value.contains(0x28) || value.contains(0x29) || Self.containsFullWidthParenthesis(value)
        }
    }

    /// Writes the noisy spelling of `value` (for which ``applies(to:)`` is true) into `out`,
    /// choosing among variants with `rng`.
    func spell(_ value: ArraySlice<UInt8>?, into out: inout [UInt8], _ rng: inout SeededGenerator) {
        out.removeAll(keepingCapacity: true)
        guard let value else {
            switch self {
            case .placeholderForNull: out.append(contentsOf: SampleDraw.element(Self.placeholders, &rng))
            case .zeroForNull: out.append(0x30)
            default: break  // emptyForNull: ''
            }
            return
        }
        switch self {
        case .fullWidth:
            let everything = SampleDraw.chance(1, in: 2, &rng)
            for byte in value {
                if byte >= 0x21 && byte <= 0x7E && (everything || SampleDraw.chance(1, in: 2, &rng)) {
                    Self.appendFullWidth(byte, to: &out)
                } else if byte == 0x20 && everything {
                    out.append(contentsOf: Self.ideographicSpace)
                } else {
                    out.append(byte)
                }
            }
        case .surroundingSpaces:
            let where_ = SampleDraw.index(3, &rng)  // 0 before, 1 after, 2 both
            let pad: [UInt8] = SampleDraw.element(Self.pads, &rng)
            if where_ != 1 { out.append(contentsOf: pad) }
            out.append(contentsOf: value)
            if where_ != 0 { out.append(contentsOf: pad) }
        case .doubledSpaces:
            let extra = SampleDraw.int(1...2, &rng)
            for byte in value {
                out.append(byte)
                if byte == 0x20 { for _ in 0..<extra { out.append(0x20) } }
            }
        case .lowerCase:
            for byte in value { out.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
        case .compactDate:
            for byte in value where byte != 0x2D { out.append(byte) }
        case .dateWithTime:
            out.append(contentsOf: value)
            out.append(contentsOf: SampleDraw.element(Self.times, &rng))
        case .looseDate:
            let parts = value.split(separator: 0x2D)
            let slash = SampleDraw.chance(1, in: 3, &rng)
            for (i, part) in parts.enumerated() {
                if i > 0 { out.append(slash ? 0x2F : 0x2D) }
                var digits = part[...]
                if !slash { while digits.count > 1, digits.first == 0x30 { digits = digits.dropFirst() } }
                out.append(contentsOf: digits)
            }
        case .decimalScale:
            switch SampleDraw.index(3, &rng) {
            case 0: out.append(contentsOf: value); out.append(contentsOf: Array(".0".utf8))
            case 1: out.append(contentsOf: value); out.append(contentsOf: Array(".00".utf8))
            default: out.append(0x30); out.append(contentsOf: value)
            }
        case .emptyForNull, .placeholderForNull, .zeroForNull:
            out.append(contentsOf: value)
        case .parentheses:
            var i = value.startIndex
            while i < value.endIndex {
                if value[i] == 0x28 {
                    out.append(contentsOf: Self.fullWidthOpen)
                } else if value[i] == 0x29 {
                    out.append(contentsOf: Self.fullWidthClose)
                } else if value[i...].starts(with: Self.fullWidthOpen) {
                    out.append(0x28); i += 2
                } else if value[i...].starts(with: Self.fullWidthClose) {
                    out.append(0x29); i += 2
                } else {
                    out.append(value[i])
                }
                i += 1
            }
        }
    }

    /// Placeholders for "no value" (those ``FieldNormaliser/placeholderAsNull`` knows, some in
    /// lower case).
    static let placeholders: [[UInt8]] = SampleVocabulary.utf8("无 暂无 - / -- null NULL N/A 空")

    /// U+3000 ideographic space.
    static let ideographicSpace: [UInt8] = [0xE3, 0x80, 0x80]
    /// （ and ） as UTF-8.
    static let fullWidthOpen: [UInt8] = Array("（".utf8)
    static let fullWidthClose: [UInt8] = Array("）".utf8)
    /// Paddings for surrounding spaces.
    static let pads: [[UInt8]] = [[0x20], [0x20, 0x20], [0xE3, 0x80, 0x80]]
    /// Times of day appended to a date.
    static let times: [[UInt8]] = [Array(" 00:00:00".utf8), Array(" 08:30:00".utf8), Array(" 00:00:00.0".utf8)]

    /// Appends the full-width form (U+FF01–U+FF5E) of an ASCII byte 0x21–0x7E.
    static func appendFullWidth(_ byte: UInt8, to out: inout [UInt8]) {
        let scalar = UInt32(byte) + 0xFEE0  // U+FF01…U+FF5E: EF BC 81 … EF BD 9E
        out.append(0xEF)
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    }

    /// Whether `value` is `YYYY-MM-DD`.
    static func isDate(_ value: ArraySlice<UInt8>) -> Bool {
        guard value.count == 10 else { return false }
        for (offset, byte) in value.enumerated() {
            if offset == 4 || offset == 7 {
                if byte != 0x2D { return false }
            } else if byte < 0x30 || byte > 0x39 {
                return false
            }
        }
        return true
    }

    static func containsFullWidthParenthesis(_ value: ArraySlice<UInt8>) -> Bool {
        var i = value.startIndex
        while i + 2 < value.endIndex {
            if value[i] == 0xEF, value[i + 1] == 0xBC, value[i + 2] == 0x88 || value[i + 2] == 0x89 { return true }
            i += 1
        }
        return false
    }
}
