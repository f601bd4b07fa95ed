import PostgresClient

/// One line of a side's checksums (``BucketChecksumSQL``): a bucket's figures.
struct BucketSummary: Equatable {
    /// The bucket number at the level's modulus.
    var bucket: Int
    /// Distinct normalised keys.
    var keys: Int
    /// Rows.
    var rows: Int
    /// Whether a key column of a row is NULL or empty.
    var hasEmptyKey: Bool
    /// The rows' hashes summed modulo 2^64.
    var hash: UInt64

    /// Whether the merge could find a difference inside the bucket even with the other side equal.
    var mustRead: Bool { hasEmptyKey || rows != keys }

    /// Whether the bucket can be skipped: both sides agree and neither must be read.
    static func skippable(_ a: BucketSummary, _ b: BucketSummary) -> Bool {
        a == b && !a.mustRead
    }

    /// Parses a COPY text line `bucket \t keys \t rows \t empty \t hash` from `side`.
    init(line: UnsafeRawBufferPointer, side: DiffSide) throws {
        var ranges: [Range<Int>] = []
        CopyText.split(line, into: &ranges)
        func number<T: FixedWidthInteger>(_ index: Int, _ type: T.Type) throws -> T {
            guard index < ranges.count,
                  let value = T(String(decoding: UnsafeRawBufferPointer(rebasing: line[ranges[index]]), as: UTF8.self)) else {
                throw DiffError.readFailed(side: side, message: "unreadable checksum line: \(String(decoding: line, as: UTF8.self))")
            }
            return value
        }
        bucket = try number(0, Int.self)
        keys = try number(1, Int.self)
        rows = try number(2, Int.self)
        hasEmptyKey = try number(3, Int.self) != 0
        hash = try number(4, UInt64.self)
    }

    /// A summary from its figures (tests).
    init(bucket: Int, keys: Int, rows: Int, hasEmptyKey: Bool, hash: UInt64) {
        self.bucket = bucket
        self.keys = keys
        self.rows = rows
        self.hasEmptyKey = hasEmptyKey
        self.hash = hash
    }
}
