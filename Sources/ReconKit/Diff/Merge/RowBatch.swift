/// A run of COPY-text rows in one contiguous byte buffer, with the end offset of each row.
///
/// Rows are stored without their final newline. A batch is filled by one thread and then handed,
/// whole, to another (through ``BatchChannel``), never shared while being written; hence
/// `@unchecked Sendable`. Batches are recycled, so memory stays at (number of batches ×
/// capacity) whatever the row count.
import ReconRules

final class RowBatch: @unchecked Sendable {
    private(set) var bytes: UnsafeMutableRawPointer
    private(set) var byteCapacity: Int
    private(set) var byteCount = 0
    private var ends: UnsafeMutablePointer<Int>
    let rowCapacity: Int
    /// Rows held.
    private(set) var count = 0

    /// An empty batch holding up to `rowCapacity` rows in `byteCapacity` bytes.
    init(byteCapacity: Int, rowCapacity: Int) {
        precondition(byteCapacity > 0 && rowCapacity > 0)
        self.byteCapacity = byteCapacity
        self.rowCapacity = rowCapacity
        bytes = UnsafeMutableRawPointer.allocate(byteCount: byteCapacity, alignment: 16)
        ends = UnsafeMutablePointer<Int>.allocate(capacity: rowCapacity)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
    }

    /// Empties the batch, keeping its memory.
    func reset() {
        byteCount = 0
        count = 0
    }

    /// Appends a row (a final `\n` is dropped). Returns false, appending nothing, when the batch
    /// is full; an empty batch always accepts a row, growing for a row longer than its capacity.
    @inline(__always)
    func append(_ row: UnsafeRawBufferPointer) -> Bool {
        var length = row.count
        if length > 0 && row[length - 1] == 0x0A { length -= 1 }
        if count == rowCapacity || byteCount + length > byteCapacity {
            guard count == 0 else { return false }
            if length > byteCapacity { grow(to: length) }
        }
        if length > 0, let base = row.baseAddress {
            (bytes + byteCount).copyMemory(from: base, byteCount: length)
        }
        byteCount += length
        ends[count] = byteCount
        count += 1
        return true
    }

    /// Appends a row given as bytes (tests and in-memory sources).
    func append(_ row: [UInt8]) -> Bool {
        row.withUnsafeBytes { append($0) }
    }

    /// Row `index` (0-based), valid until the batch is reset or recycled.
    @inline(__always)
    func row(_ index: Int) -> UnsafeRawBufferPointer {
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeRawBufferPointer(start: bytes + start, count: ends[index] - start)
    }

    private func grow(to capacity: Int) {
        let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        bigger.copyMemory(from: bytes, byteCount: byteCount)
        bytes.deallocate()
        bytes = bigger
        byteCapacity = capacity
    }
}
