import Foundation
import PostgresClient
import ReconRules

/// Finds the buckets of normalised keys a checksum read must read (issue 18; docs/rules.md,
/// "Reading far-apart databases").
///
/// Level by level (``ChecksumOptions/levels(rows:)``), both databases sum their rows' hashes per
/// bucket at once (``BucketChecksumSQL``, one reader thread a side) and the two sorted bucket
/// streams are compared as they arrive: a bucket that agrees (``BucketSummary/skippable(_:_:)``)
/// has its keys and rows counted as identical; the others are split at the next level, which
/// sums only inside them; the last level's differing buckets are what is read. Memory: the
/// differing bucket numbers of one level, and a few batches of lines.
///
/// Both connections must be inside one snapshot (`REPEATABLE READ`) with the read that follows,
/// so that the buckets counted and the rows read are of the same data.
enum ChecksumNarrowing {
    /// What the checksums found.
    struct Narrowed {
        /// The rows to read: the last level's differing buckets; nil when none differs.
        var restriction: BucketRestriction?
        /// The keys and rows of the buckets that agree (identical on both sides).
        var identical: DiffCounts
        /// Buckets of the last level read, of all its buckets.
        var bucketsRead: Int
        var lastLevelBuckets: Int
    }

    /// Runs the levels for `query` on the two sides.
    static func run(_ query: DiffQuery, provinceCode: String, ministry: DiffSource, province: DiffSource,
                    options: ChecksumOptions, statistics: ReadStatistics?) throws -> Narrowed {
        let estimate = max(RowEstimate.rows(ministry.connection, explain: try query.estimateStatement(.ministry, provinceCode: provinceCode)) ?? 0,
                           RowEstimate.rows(province.connection, explain: try query.estimateStatement(.province, provinceCode: provinceCode)) ?? 0)
        let levels = options.levels(rows: estimate)
        let unique = (try UniqueKeyCheck.keysUnique(query.recordSet, side: .ministry, on: ministry.connection),
                      try UniqueKeyCheck.keysUnique(query.recordSet, side: .province, on: province.connection))
        var identical = DiffCounts()
        var within: BucketRestriction? = nil
        for modulus in levels {
            let differing = try compareLevel(query, provinceCode: provinceCode, ministry: ministry, province: province,
                                             modulus: modulus, within: within, keysUnique: unique,
                                             identical: &identical, statistics: statistics)
            guard !differing.isEmpty else {
                return Narrowed(restriction: nil, identical: identical, bucketsRead: 0, lastLevelBuckets: levels.last!)
            }
            within = BucketRestriction(modulus: modulus, buckets: differing)
        }
        return Narrowed(restriction: within, identical: identical, bucketsRead: within!.buckets.count, lastLevelBuckets: levels.last!)
    }

    /// One level: both sides' sums at `modulus` (inside `within`), compared; returns the buckets
    /// that differ or must be read, and adds the agreeing ones to `identical`.
    static func compareLevel(_ query: DiffQuery, provinceCode: String, ministry: DiffSource, province: DiffSource,
                             modulus: Int, within: BucketRestriction?, keysUnique: (Bool, Bool) = (false, false),
                             identical: inout DiffCounts, statistics: ReadStatistics?) throws -> [Int] {
        let readers = try [(DiffSide.ministry, ministry), (DiffSide.province, province)].map { side, source in
            try CopyReader(side: side, connection: source.connection,
                           statement: try BucketChecksumSQL.statement(query, side: side, provinceCode: provinceCode,
                                                                      modulus: modulus, within: within,
                                                                      keysUnique: side == .ministry ? keysUnique.0 : keysUnique.1),
                           channel: BatchChannel(batches: 2, byteCapacity: 64 * 1024, rowCapacity: 2048))
        }
        readers[0].onFailure = { [channel = readers[1].channel] error in channel.abort(error) }
        readers[1].onFailure = { [channel = readers[0].channel] error in channel.abort(error) }
        for reader in readers { reader.start() }
        var differing: [Int] = []
        do {
            let m = SummaryCursor(readers[0].channel, side: .ministry), p = SummaryCursor(readers[1].channel, side: .province)
            try m.advance()
            try p.advance()
            while m.current != nil || p.current != nil {
                switch (m.current, p.current) {
                case let (mc?, pc?) where mc.bucket == pc.bucket:
                    if BucketSummary.skippable(mc, pc) {
                        identical.unionKeys += mc.keys
                        identical.ministryRows += mc.rows
                        identical.provinceRows += pc.rows
                    } else {
                        differing.append(mc.bucket)
                    }
                    try m.advance()
                    try p.advance()
                case let (mc?, pc?) where mc.bucket < pc.bucket:
                    differing.append(mc.bucket)
                    try m.advance()
                case let (_, pc?):
                    differing.append(pc.bucket)
                    try p.advance()
                case let (mc?, nil):
                    differing.append(mc.bucket)
                    try m.advance()
                case (nil, nil):
                    break
                }
            }
        } catch {
            for (reader, source) in zip(readers, [ministry, province]) { Reconciler.stop(reader, source: source) }
            throw error
        }
        for reader in readers { _ = reader.channel.waitForReader() }
        statistics?.addChecksum(bytes: readers.reduce(0) { $0 + $1.bytesRead })
        return differing
    }
}

/// Walks a side's checksum lines in bucket order, checking the order.
private final class SummaryCursor {
    let channel: BatchChannel
    let side: DiffSide
    private var batch: RowBatch?
    private var index = 0
    private(set) var current: BucketSummary?

    init(_ channel: BatchChannel, side: DiffSide) {
        self.channel = channel
        self.side = side
    }

    deinit { if let batch { channel.recycle(batch) } }

    func advance() throws {
        let previous = current?.bucket
        while true {
            if let batch, index < batch.count {
                current = try BucketSummary(line: batch.row(index), side: side)
                index += 1
                if let previous, current!.bucket <= previous {
                    throw DiffError.readFailed(side: side, message: "checksum lines out of order: bucket \(current!.bucket) after \(previous)")
                }
                return
            }
            if let batch { channel.recycle(batch); self.batch = nil }
            guard let next = try channel.nextBatch() else { current = nil; return }
            batch = next
            index = 0
        }
    }
}
