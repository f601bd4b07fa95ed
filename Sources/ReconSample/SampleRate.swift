/// A share (rate) given to the sample generator, held exactly as parts per million: `0.5%` is
/// 5,000 ppm. Decisions drawn with it compare an integer draw below 1,000,000 with the parts, so no
/// floating point is involved.
import ReconRules
import ReconKit

public struct SampleRate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The share in parts per million (0…1,000,000).
    public let partsPerMillion: Int

    /// One million: the whole.
    public static let million = 1_000_000

    /// A rate of `partsPerMillion` (0…1,000,000).
    public init(partsPerMillion: Int) throws(SampleError) {
        guard (0...Self.million).contains(partsPerMillion) else {
            throw SampleError("rate \(partsPerMillion) ppm is outside 0…1000000 ppm (0%…100%)")
        }
        self.partsPerMillion = partsPerMillion
    }

    /// Reads `0.5%` (a percentage, up to 4 decimals) or `0.005` (a fraction, up to 6 decimals).
    public init(parsing text: String) throws(SampleError) {
        var body = Substring(text.filter { $0 != " " })
        let isPercent = body.hasSuffix("%")
        if isPercent { body = body.dropLast() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty))
        else {
            throw SampleError("rate \"\(text)\" is not a number such as 0.5% or 0.005")
        }
        let scale = isPercent ? 4 : 6  // digits after the point that still give whole ppm
        let whole = parts[0].isEmpty ? "0" : String(parts[0])
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= scale else {
            throw SampleError("rate \"\(text)\" is finer than 1 ppm (at most \(scale) decimals\(isPercent ? " in a percentage" : ""))")
        }
        guard whole.count <= 7, let wholeValue = Int(whole), let fractionValue = Int(fraction + String(repeating: "0", count: scale - fraction.count)) else {
            throw SampleError("rate \"\(text)\" is out of range 0%…100%")
        }
        var ppm = wholeValue
        for _ in 0..<scale { ppm *= 10 }
        ppm += fractionValue
        do {
            try self.init(partsPerMillion: ppm)
        } catch {
            throw SampleError("rate \"\(text)\" is out of range 0%…100%")
        }
    }

    /// A rate known to be in range.
    init(validPartsPerMillion: Int) {
        precondition((0...Self.million).contains(validPartsPerMillion), "rate \(validPartsPerMillion) ppm out of range")
        partsPerMillion = validPartsPerMillion
    }

    /// Zero.
    public static let zero = SampleRate(validPartsPerMillion: 0)

    /// `floor(count × rate)`: how many of `count` items a share selects (exact integer arithmetic).
    public func share(of count: Int) -> Int {
        let (high, low) = count.multipliedFullWidth(by: partsPerMillion)
        return Self.million.dividingFullWidth((high, low)).quotient
    }

    /// `0.5%`, with no trailing zeros.
    public var description: String {
        let whole = partsPerMillion / 10_000
        var fraction = String(partsPerMillion % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(whole)%" : "\(whole).\(fraction)%"
    }

    /// Orders by size.
    public static func < (lhs: SampleRate, rhs: SampleRate) -> Bool { lhs.partsPerMillion < rhs.partsPerMillion }
}
