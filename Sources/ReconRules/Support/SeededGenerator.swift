/// A deterministic, seedable random number generator: xoshiro256** whose 256-bit state is filled
/// from the seed by SplitMix64 (the seeding the xoshiro authors recommend).
///
/// The same seed yields the same sequence on every platform and toolchain, which the sample
/// generator relies on for reproducible data. Not suitable for cryptography.
///
/// Note: the standard library's `Int.random(in:using:)` and `shuffled(using:)` map generator
/// output to values by an algorithm the standard library may change; the identifier generators in
/// this module use `IdentifierRandom` instead, whose mapping is fixed here.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Creates a generator whose whole sequence is determined by `seed`.
    public init(seed: UInt64) {
        var splitMix = seed
        s0 = Self.splitMix64(&splitMix)
        s1 = Self.splitMix64(&splitMix)
        s2 = Self.splitMix64(&splitMix)
        s3 = Self.splitMix64(&splitMix)
        // SplitMix64 is a bijection of its counter, so four consecutive outputs are never all zero
        // (the one state xoshiro256** must avoid).
    }

    /// The next 64 random bits (xoshiro256**, Blackman & Vigna 2018).
    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotateLeft(s3, 45)
        return result
    }

    /// One step of SplitMix64 (Steele, Lea & Flood 2014), advancing `state`.
    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
