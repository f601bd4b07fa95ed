import Foundation  // memcmp

/// An ordered set of `FieldNormaliser`s for one field, applied to raw UTF-8 bytes without creating
/// a `String` per value (the diff engine compares millions of rows).
///
/// Whatever order they are configured in, the steps run in the canonical order of
/// `FieldNormaliser.allCases`:
/// 1. character steps, in one pass: `fullWidth` → `parentheses` → `trim` → `collapseSpaces` → `upper`
///    (full-width conversion first so that `ａ` becomes `A` and `２０２４－０１－０２` a date;
///    trimming before collapsing so that surrounding spaces vanish rather than become one space);
/// 2. value forms on the cleaned text: `timestamp` → `date` → `decimal` (each only changes a value
///    it can parse);
/// 3. NULL mapping last, on the canonical text: `placeholderAsNull`, `zeroAsNull`, `emptyAsNull`.
///
/// A SQL NULL input stays NULL. Applying a pipeline twice gives the same result as once.
public struct NormaliserPipeline: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The steps, in canonical order, without duplicates.
    public let normalisers: [FieldNormaliser]
    /// The same steps as flags, for the hot path.
    let steps: Steps

    /// A pipeline of `normalisers` (any order, duplicates ignored).
    public init(_ normalisers: some Sequence<FieldNormaliser>) {
        let set = Set(normalisers)
        self.normalisers = FieldNormaliser.allCases.filter(set.contains)
        steps = Steps(set)
    }

    /// The pipeline that changes nothing: values are compared byte for byte.
    public static let identity = NormaliserPipeline([])

    /// Whether this pipeline changes nothing.
    public var isIdentity: Bool { normalisers.isEmpty }

    /// `"fullWidth → trim → emptyAsNull"`, or `"(none)"`.
    public var description: String {
        isIdentity ? "(none)" : normalisers.map(\.rawValue).joined(separator: " → ")
    }

    /// Normalises `input` (nil = SQL NULL) into `out`, replacing its contents but keeping its
    /// capacity, so that a reused buffer needs no allocation per value in steady state.
    /// - Returns: false when the result is NULL (`out` is then empty).
    public func apply(_ input: UnsafeRawBufferPointer?, into out: inout [UInt8]) -> Bool {
        applySteps(input, into: &out)
    }

    /// Whether raw values `a` and `b` (nil = SQL NULL) are equal after normalising. Two NULLs are
    /// equal; NULL equals a value only if the value normalises to NULL. Byte-identical values are
    /// equal without normalising. `scratch` holds the buffers; reuse one per thread.
    public func equal(_ a: UnsafeRawBufferPointer?, _ b: UnsafeRawBufferPointer?, scratch: inout Scratch) -> Bool {
        switch (a, b) {
        case (nil, nil):
            return true
        case let (a?, b?):
            if Self.bytesEqual(a, b) { return true }
            if isIdentity { return false }
        default:
            if isIdentity { return false }
        }
        let aIsValue = applySteps(a, into: &scratch.left)
        let bIsValue = applySteps(b, into: &scratch.right)
        guard aIsValue == bIsValue else { return false }
        guard aIsValue else { return true }
        return scratch.left.withUnsafeBytes { left in
            scratch.right.withUnsafeBytes { right in Self.bytesEqual(left, right) }
        }
    }

    /// Two reusable buffers for `equal`. Not shared between threads: give each worker its own.
    public struct Scratch: Sendable {
        var left: [UInt8]
        var right: [UInt8]

        /// Buffers with room for values of `capacity` bytes before they first grow.
        public init(capacity: Int = 256) {
            left = []
            right = []
            left.reserveCapacity(capacity)
            right.reserveCapacity(capacity)
        }
    }

    /// The pipeline's steps as flags.
    struct Steps: Sendable, Hashable {
        var fullWidth, parentheses, trim, collapseSpaces, upper: Bool
        var timestamp, date, decimal, numericCode: Bool
        var placeholderAsNull, zeroAsNull, emptyAsNull: Bool

        init(_ set: Set<FieldNormaliser>) {
            fullWidth = set.contains(.fullWidth)
            parentheses = set.contains(.parentheses)
            trim = set.contains(.trim)
            collapseSpaces = set.contains(.collapseSpaces)
            upper = set.contains(.upper)
            timestamp = set.contains(.timestamp)
            date = set.contains(.date)
            decimal = set.contains(.decimal)
            numericCode = set.contains(.numericCode)
            placeholderAsNull = set.contains(.placeholderAsNull)
            zeroAsNull = set.contains(.zeroAsNull)
            emptyAsNull = set.contains(.emptyAsNull)
        }

        /// Whether any character step is on.
        var characterPass: Bool { fullWidth || parentheses || trim || collapseSpaces || upper }
    }

    /// The work of `apply`, in canonical order.
    func applySteps(_ input: UnsafeRawBufferPointer?, into out: inout [UInt8]) -> Bool {
        out.removeAll(keepingCapacity: true)
        guard let input else { return false }
        if steps.characterPass {
            CharacterPass.run(input, steps: steps, into: &out)
        } else {
            out.append(contentsOf: input)
        }
        if steps.timestamp { DateTimeForm.rewrite(&out, keepTime: true) }
        if steps.date { DateTimeForm.rewrite(&out, keepTime: false) }
        if steps.decimal { DecimalForm.rewrite(&out) }
        if steps.numericCode { Self.stripLeadingZeros(&out) }
        if steps.placeholderAsNull, NullPlaceholders.matches(out) { out.removeAll(keepingCapacity: true); return false }
        if steps.zeroAsNull, out.count == 1, out[0] == UInt8(ascii: "0") { out.removeAll(keepingCapacity: true); return false }
        if steps.emptyAsNull, out.isEmpty { return false }
        return true
    }

    /// `numericCode`: an all-digit value without its leading zeros (at least one digit kept).
    static func stripLeadingZeros(_ bytes: inout [UInt8]) {
        guard bytes.count > 1, bytes[0] == UInt8(ascii: "0"), bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return }
        var zeros = 0
        while zeros < bytes.count - 1, bytes[zeros] == UInt8(ascii: "0") { zeros += 1 }
        bytes.removeFirst(zeros)
    }

    /// Byte-for-byte equality.
    static func bytesEqual(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard a.count > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return memcmp(pa, pb, a.count) == 0
    }

    // MARK: Codable: a list of configuration names.

    /// Decodes a list of normaliser names (any order).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(try container.decode([FieldNormaliser].self))
    }

    /// Encodes the list of normaliser names in canonical order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(normalisers)
    }
}
