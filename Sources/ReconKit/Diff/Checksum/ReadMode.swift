/// How a record set's two sides are read (issue 18, "a checksum mode for databases far apart";
/// docs/rules.md, "Reading far-apart databases").
///
/// - `full`: every row of both sides is streamed and merged.
/// - `checksum`: each database first sums hashes of its rows per bucket of normalised keys
///   (``BucketChecksumSQL``); only the buckets whose sums differ are read and merged, the others
///   counted as identical. The output is the full read's, difference for difference.
/// - `auto`: `checksum` when the slower side's link, measured by ``LinkProbe``, carries less than
///   ``ChecksumOptions/autoBelowBytesPerSecond``; otherwise `full`.
public enum ReadMode: String, Sendable, Equatable, CaseIterable {
    case full
    case checksum
    case auto

    /// The mode named `text` (`full`, `checksum`, `auto`), or nil.
    public init?(name text: String) { self.init(rawValue: text) }

    /// The names, for messages: `full, checksum, auto`.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// The shape of a checksum read.
public struct ChecksumOptions: Sendable, Equatable {
    /// Rows a last-level bucket holds on average: the rows read around each difference.
    public var rowsPerBucket = 16
    /// Buckets each differing bucket is split into at the next level.
    public var fanOut = 64
    /// Buckets of the first level at most (its sums always cross the link). Measured
    /// (bench/checksum-bench.sh): a level costs each database a full pass over its rows, far more
    /// than sending 65,536 bucket lines (about 2 MB), so up to ~1M rows there is one level.
    public var firstLevelBuckets = 65_536
    /// `auto` reads by checksums below this many bytes per second on the slower side's link
    /// (default 20 MB/s, about a 160 Mbit/s line; loopback and a data-centre LAN carry far more).
    public var autoBelowBytesPerSecond = 20_000_000

    /// The defaults.
    public init() {}

    /// The moduli of the levels for about `rows` rows: powers of two, each `fanOut` times the one
    /// before, the last about `rows / rowsPerBucket`, the first at most `firstLevelBuckets`.
    public func levels(rows: Int) -> [Int] {
        let cap = 1 << 28  // the bucket number is 28 bits of md5 (BucketChecksumSQL)
        var last = 1
        while last < cap, last * rowsPerBucket < rows { last *= 2 }
        var moduli = [last]
        while moduli[0] > firstLevelBuckets, fanOut > 1 { moduli.insert(max(1, moduli[0] / fanOut), at: 0) }
        return moduli
    }
}
