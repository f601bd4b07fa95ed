/// Fixed mappings from a generator's raw 64-bit output to bounded values, so identifiers generated
/// from a `SeededGenerator` stay the same across Swift versions (the standard library's own
/// `random(in:using:)` algorithm is an implementation detail that may change).

package enum IdentifierRandom {
    /// A uniform integer in `0 ..< bound` (Lemire's multiply-and-reject method, unbiased).
    package static func index(below bound: Int, using rng: inout some RandomNumberGenerator) -> Int {
        precondition(bound > 0, "IdentifierRandom.index(below:) needs a positive bound, got \(bound)")
        let b = UInt64(bound)
        var product = rng.next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold {
                product = rng.next().multipliedFullWidth(by: b)
            }
        }
        return Int(product.high)
    }

    /// A uniform integer in `range`.
    package static func int(in range: ClosedRange<Int>, using rng: inout some RandomNumberGenerator) -> Int {
        range.lowerBound + index(below: range.upperBound - range.lowerBound + 1, using: &rng)
    }

    /// A uniformly chosen element of a non-empty collection.
    package static func element<C: RandomAccessCollection>(of collection: C, using rng: inout some RandomNumberGenerator) -> C.Element
    where C.Index == Int {
        collection[collection.startIndex + index(below: collection.count, using: &rng)]
    }

    /// `count` bytes, each chosen uniformly from `alphabet`.
    package static func bytes(_ count: Int, from alphabet: [UInt8], using rng: inout some RandomNumberGenerator) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(element(of: alphabet, using: &rng)) }
        return result
    }
}
