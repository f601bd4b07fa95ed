import Foundation
import PostgresClient

/// Measures how fast a side's database sends rows to recon, for `read = "auto"` (``ReadMode``).
///
/// Reads `COPY (SELECT repeat('x', 1000) FROM generate_series(1, n)) TO STDOUT` (about 1 MB, no
/// table touched) and times it from the statement to the last byte: the link's throughput as a
/// full read would see it, round trips included.
enum LinkProbe {
    /// Bytes per second of a ~`bytes` read on `connection`.
    static func bytesPerSecond(_ connection: Connection, bytes: Int = 1_000_000) throws -> Double {
        let started = ContinuousClock.now
        let stream = try connection.copyOut("COPY (SELECT repeat('x', 1000) FROM generate_series(1, \(max(1, bytes / 1001)))) TO STDOUT")
        var received = 0
        while let count = try stream.next({ $0.count }) { received += count }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Double(received) / max(seconds, 1e-6)
    }

    /// The mode `auto` resolves to for these two sides.
    static func choose(ministry: Connection, province: Connection, options: ChecksumOptions) throws -> ReadMode {
        let slower = min(try bytesPerSecond(ministry), try bytesPerSecond(province))
        return slower < Double(options.autoBelowBytesPerSecond) ? .checksum : .full
    }
}
