/// Walks one side's rows in order, batch after batch, checking that every row's key sorts at or
/// after the previous one (issue 5: "the merge must verify the order it receives and fail loudly if
/// a side is out of order rather than report garbage").
///
/// After ``advance()`` the previous row stays readable (``previous``) until the next advance: when
/// the step crosses into a new batch, the last row of the old one is copied aside before that
/// batch is given back.
import ReconRules

final class SideCursor {
    let side: DiffSide
    private let source: any RowBatchSource
    private var batch: RowBatch?
    private var index = 0
    /// The current row (meaningful while `!atEnd`).
    private(set) var current = UnsafeRawBufferPointer(start: nil, count: 0)
    /// The row before `current`, if any.
    private(set) var previous: UnsafeRawBufferPointer?
    /// Whether the side has no more rows.
    private(set) var atEnd = false
    /// Rows made current so far: the 1-based position of `current` in the stream.
    private(set) var rowNumber = 0
    private var carry: UnsafeMutableRawPointer
    private var carryCapacity: Int
    /// Called with the row count of every new batch (progress).
    var onBatch: ((DiffSide, Int) -> Void)?

    /// A cursor over `source` (not started: call ``start()``).
    init(side: DiffSide, source: any RowBatchSource) {
        self.side = side
        self.source = source
        carryCapacity = 1024
        carry = UnsafeMutableRawPointer.allocate(byteCount: carryCapacity, alignment: 16)
    }

    deinit {
        carry.deallocate()
        if let batch { source.recycle(batch) }
    }

    /// Loads the first row.
    func start() throws {
        try load()
    }

    /// Moves to the next row; the old current row becomes ``previous``.
    @inline(__always)
    func advance() throws {
        guard let batch else { atEnd = true; return }
        index += 1
        if index < batch.count {
            previous = current
            current = batch.row(index)
            rowNumber += 1
            return
        }
        keepAside(current)
        source.recycle(batch)
        self.batch = nil
        try load()
    }

    /// Consumes the rows sharing the current key and returns how many there were; afterwards
    /// ``previous`` is the last of them. Throws `DiffError.outOfOrder` when the next key sorts
    /// before the current one. When the group has more than one row, `eachDuplicate` sees every
    /// row of it in order (the first when the second shows up); a single row is never shown, so
    /// the usual one-row group costs nothing more.
    @inline(__always)
    func consumeGroup(_ keys: KeyComparator, eachDuplicate: ((UnsafeRawBufferPointer) -> Void)? = nil) throws -> Int {
        var count = 1
        try advance()
        while !atEnd {
            let order = keys.compare(current, previous!)
            if order > 0 { break }
            if order < 0 {
                throw DiffError.outOfOrder(side: side, row: rowNumber, previousKey: keys.describeKey(previous!),
                                           key: keys.describeKey(current))
            }
            if let eachDuplicate {
                if count == 1 { eachDuplicate(previous!) }
                eachDuplicate(current)
            }
            count += 1
            try advance()
        }
        return count
    }

    private func load() throws {
        while let next = try source.nextBatch() {
            if next.count == 0 {
                source.recycle(next)
                continue
            }
            onBatch?(side, next.count)
            if batch == nil, rowNumber > 0 { previous = UnsafeRawBufferPointer(start: carry, count: carryLength) }
            batch = next
            index = 0
            current = next.row(0)
            rowNumber += 1
            return
        }
        if rowNumber > 0 { previous = UnsafeRawBufferPointer(start: carry, count: carryLength) }
        atEnd = true
    }

    private var carryLength = 0

    private func keepAside(_ row: UnsafeRawBufferPointer) {
        if row.count > carryCapacity {
            carry.deallocate()
            carryCapacity = row.count
            carry = UnsafeMutableRawPointer.allocate(byteCount: carryCapacity, alignment: 16)
        }
        if row.count > 0, let base = row.baseAddress { carry.copyMemory(from: base, byteCount: row.count) }
        carryLength = row.count
    }
}
