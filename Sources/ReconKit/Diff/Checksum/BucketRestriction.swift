/// Rows restricted to some buckets of normalised keys: those whose bucket at ``modulus`` is one of
/// ``buckets`` (``BucketChecksumSQL/bucket(keyText:modulus:)``). A checksum read
/// (``ChecksumNarrowing``) reads only these rows of both sides.
public struct BucketRestriction: Sendable, Equatable {
    /// The modulus the buckets are numbered at.
    public var modulus: Int
    /// The buckets read, ascending.
    public var buckets: [Int]

    /// A restriction to `buckets` at `modulus`.
    public init(modulus: Int, buckets: [Int]) {
        self.modulus = modulus
        self.buckets = buckets
    }

    /// The condition on a row whose normalised key row text is `keyText`.
    func condition(keyText: String) -> String {
        "\(BucketChecksumSQL.bucket(keyText: keyText, modulus: modulus)) = ANY('{\(buckets.map(String.init).joined(separator: ","))}'::int[])"
    }
}
