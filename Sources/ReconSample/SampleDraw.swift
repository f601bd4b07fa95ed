/// Draws from a ``SeededGenerator`` with the fixed mappings of `IdentifierRandom` (so a seed gives
/// the same data on every toolchain: the standard library's `random(in:using:)` may change).
import ReconRules
import ReconKit

enum SampleDraw {
    /// A uniform integer in `0 ..< bound`.
    @inline(__always)
    static func index(_ bound: Int, _ rng: inout SeededGenerator) -> Int {
        IdentifierRandom.index(below: bound, using: &rng)
    }

    /// A uniform integer in `range`.
    @inline(__always)
    static func int(_ range: ClosedRange<Int>, _ rng: inout SeededGenerator) -> Int {
        IdentifierRandom.int(in: range, using: &rng)
    }

    /// A uniformly chosen element.
    @inline(__always)
    static func element<T>(_ array: [T], _ rng: inout SeededGenerator) -> T {
        array[IdentifierRandom.index(below: array.count, using: &rng)]
    }

    /// True with probability `rate` (an exact integer comparison: draw < parts per million).
    @inline(__always)
    static func chance(_ rate: SampleRate, _ rng: inout SeededGenerator) -> Bool {
        IdentifierRandom.index(below: SampleRate.million, using: &rng) < rate.partsPerMillion
    }

    /// True with probability `numerator / denominator`.
    @inline(__always)
    static func chance(_ numerator: Int, in denominator: Int, _ rng: inout SeededGenerator) -> Bool {
        IdentifierRandom.index(below: denominator, using: &rng) < numerator
    }

    /// An index into `weights` chosen with probability proportional to its weight.
    static func weighted(_ weights: [Int], _ rng: inout SeededGenerator) -> Int {
        let total = weights.reduce(0, +)
        var draw = IdentifierRandom.index(below: total, using: &rng)
        for (i, weight) in weights.enumerated() {
            if draw < weight { return i }
            draw -= weight
        }
        return weights.count - 1
    }

    /// The seed of one independent stream (a province, a record set and a purpose) derived from the
    /// user's seed, so that each stream's data does not depend on the others (adding a province or
    /// changing a rate leaves the other streams' values as they were).
    static func streamSeed(_ seed: UInt64, province: String, stream: String) -> UInt64 {
        // FNV-1a over the names, then one step of the seeded generator to mix it with the seed.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in (province + "/" + stream).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        var mixer = SeededGenerator(seed: seed ^ hash)
        return mixer.next()
    }
}
