/// A bijection of `0 ..< size` (x ↦ (a·x + b) mod size with gcd(a, size) = 1) that turns a row's
/// index into a distinct key number, so that generated keys are unique by construction (no set of
/// used keys to hold) and rows arrive in no particular key order.
import ReconRules
import ReconKit

struct KeyPermutation: Sendable {
    /// The size of the domain.
    let size: Int
    let multiplier: UInt64
    let offset: UInt64

    /// A permutation of `0 ..< size` chosen by `rng`.
    init(size: Int, _ rng: inout SeededGenerator) {
        precondition(size > 0, "KeyPermutation needs a positive size")
        self.size = size
        var a = UInt64(size / 3 + SampleDraw.index(max(size / 3, 1), &rng)) | 1
        while Self.gcd(a, UInt64(size)) != 1 { a += 1 }
        multiplier = a % UInt64(size) == 0 ? 1 : a
        offset = UInt64(SampleDraw.index(size, &rng))
    }

    /// The image of `index` (0 ≤ index < size).
    @inline(__always)
    func apply(_ index: Int) -> Int {
        let product = multiplier.multipliedFullWidth(by: UInt64(index))
        let (_, remainder) = UInt64(size).dividingFullWidth(product)
        let sum = remainder.addingReportingOverflow(offset)
        return Int((sum.partialValue) % UInt64(size))
    }

    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
