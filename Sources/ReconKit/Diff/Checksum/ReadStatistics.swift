import Foundation

/// What a reconciliation's reads moved (issue 18: "measure bytes moved"), summed over record sets
/// and both sides; filled while it runs, read after. Thread-safe.
public final class ReadStatistics: @unchecked Sendable {
    private let lock = NSLock()
    private var _bytes = 0
    private var _checksumBytes = 0
    private var _rows = 0
    private var _modes: [String: ReadMode] = [:]
    private var _bucketsRead: [String: (read: Int, of: Int)] = [:]

    /// Statistics with nothing counted.
    public init() {}

    /// COPY bytes received by recon from both databases (rows read plus checksum lines).
    public var bytes: Int { lock.withLock { _bytes } }
    /// Of ``bytes``, those of checksum lines.
    public var checksumBytes: Int { lock.withLock { _checksumBytes } }
    /// Rows read and merged (both sides).
    public var rows: Int { lock.withLock { _rows } }
    /// The mode each record set was read in.
    public var modes: [String: ReadMode] { lock.withLock { _modes } }
    /// Per record set read by checksums: last-level buckets read, of all last-level buckets.
    public var bucketsRead: [String: (read: Int, of: Int)] { lock.withLock { _bucketsRead } }

    func addRows(bytes: Int, rows: Int) { lock.withLock { _bytes += bytes; _rows += rows } }
    func addChecksum(bytes: Int) { lock.withLock { _bytes += bytes; _checksumBytes += bytes } }
    func record(_ recordSet: String, mode: ReadMode) { lock.withLock { _modes[recordSet] = mode } }
    func record(_ recordSet: String, bucketsRead: Int, of total: Int) { lock.withLock { _bucketsRead[recordSet] = (bucketsRead, total) } }
}
