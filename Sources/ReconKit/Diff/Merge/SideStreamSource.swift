import Foundation
import ReconRules

/// The rows of one side whose key moves when normalised (``KeyNormaliser/isMoved(_:)``), fetched
/// apart from the ordered read, normalised and sorted (issue 18's "small side stream"). Filled on
/// the reader's thread before the ordered read starts; read by the merge after its first batch
/// (the channel's lock orders the two).
final class MovedRows: @unchecked Sendable {
    /// The rows with normalised keys, in key order (``KeyComparator``).
    private(set) var rows: [[UInt8]] = []
    /// Their bytes.
    private(set) var byteCount = 0
    /// Set when there were more than the bound: the side is then read with keys normalised in SQL
    /// (``DiffQuery/copy(_:provinceCode:integerColumns:)``) and nothing is moved.
    private(set) var fellBack = false

    /// Collects `moved` rows already normalised; sorts them with `keys`.
    func set(_ moved: [[UInt8]], keys: KeyComparator) {
        rows = moved.sorted { a, b in
            a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in keys.compare(pa, pb) < 0 } }
        }
        byteCount = moved.reduce(0) { $0 + $1.count }
    }

    /// Marks the side as read the old way.
    func fallBack() {
        rows = []
        byteCount = 0
        fellBack = true
    }
}

/// One side in normalised-key order, made of its raw-key-ordered read (whose rows with a moving
/// key are skipped) and its ``MovedRows`` merged back at their places.
///
/// A batch of the ordered read with no moved row, before which no moved row belongs, is passed
/// on as it is (no copy); otherwise rows are copied into batches of this source's own. At the end,
/// the rows skipped must number the rows fetched apart, else ``DiffError/sideStreamMismatch``.
final class SideStreamSource: RowBatchSource {
    let side: DiffSide
    private let main: any RowBatchSource
    private let moved: MovedRows
    private let normaliser: KeyNormaliser
    private let keys: KeyComparator
    private var next = 0
    private var skipped = 0
    private var pending: RowBatch?
    private var position = 0
    private var mainEnded = false
    private var own: [ObjectIdentifier: RowBatch] = [:]
    private var spare: [RowBatch] = []
    private let byteCapacity: Int
    private let rowCapacity: Int
    private var started = false

    /// A source over `main` (raw key order) and `moved`, with batches of the given size.
    init(side: DiffSide, main: any RowBatchSource, moved: MovedRows, keys: [FieldSpec], integerColumns: [Bool],
         byteCapacity: Int = 256 * 1024, rowCapacity: Int = 4096) {
        self.side = side
        self.main = main
        self.moved = moved
        normaliser = KeyNormaliser(keys: keys, integerColumns: integerColumns)
        self.keys = KeyComparator(keyCount: keys.count, integerColumns: integerColumns)
        self.byteCapacity = byteCapacity
        self.rowCapacity = rowCapacity
    }

    func nextBatch() throws -> RowBatch? {
        if !started {
            started = true
            pending = try main.nextBatch()
            mainEnded = pending == nil
            position = 0
        }
        if moved.fellBack {
            // Read the old way: the ordered read is already in normalised order.
            if let batch = pending { pending = nil; return batch }
            return try main.nextBatch()
        }
        while true {
            if pending == nil && !mainEnded {
                pending = try main.nextBatch()
                position = 0
                if pending == nil { mainEnded = true }
            }
            if mainEnded {
                if next == moved.rows.count {
                    if skipped != moved.rows.count {
                        throw DiffError.sideStreamMismatch(side: side, fetched: moved.rows.count, skipped: skipped)
                    }
                    return nil
                }
                let out = takeBatch()
                while next < moved.rows.count, moved.rows[next].withUnsafeBytes({ out.append($0) }) { next += 1 }
                return out
            }
            let batch = pending!
            if position == 0, batch.count > 0, passesWhole(batch) {
                pending = nil
                return batch
            }
            let out = takeBatch()
            var full = false
            while position < batch.count && !full {
                let row = batch.row(position)
                if normaliser.isMoved(row) {
                    skipped += 1
                    position += 1
                    continue
                }
                while next < moved.rows.count,
                      moved.rows[next].withUnsafeBytes({ keys.compare($0, row) <= 0 }) {
                    guard moved.rows[next].withUnsafeBytes({ out.append($0) }) else { full = true; break }
                    next += 1
                }
                if full || !out.append(row) { full = true; break }
                position += 1
            }
            if position == batch.count {
                pending = nil
                main.recycle(batch)
            }
            if out.count > 0 { return out }
            recycle(out)
        }
    }

    /// Whether `batch` holds no moved row and no moved row sorts before its last one.
    private func passesWhole(_ batch: RowBatch) -> Bool {
        if next < moved.rows.count {
            let last = batch.row(batch.count - 1)
            if moved.rows[next].withUnsafeBytes({ keys.compare($0, last) <= 0 }) { return false }
        }
        for index in 0..<batch.count where normaliser.isMoved(batch.row(index)) { return false }
        return true
    }

    private func takeBatch() -> RowBatch {
        if let batch = spare.popLast() {
            batch.reset()
            return batch
        }
        let batch = RowBatch(byteCapacity: byteCapacity, rowCapacity: rowCapacity)
        own[ObjectIdentifier(batch)] = batch
        return batch
    }

    func recycle(_ batch: RowBatch) {
        if own[ObjectIdentifier(batch)] != nil {
            spare.append(batch)
        } else {
            main.recycle(batch)
        }
    }
}
