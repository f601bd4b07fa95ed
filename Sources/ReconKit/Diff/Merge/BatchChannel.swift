import Foundation
import ReconRules

/// A bounded hand-over of row batches from one reader thread to the merging thread.
///
/// A fixed pool of batches circulates: the reader takes a spare one, fills it and sends it; the
/// merger receives it, reads it and recycles it. With `batches` batches of `byteCapacity` bytes,
/// one side never holds more than `batches × byteCapacity` bytes of rows, however many rows it has.
final class BatchChannel: RowBatchSource, @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [RowBatch] = []
    private var readyHead = 0
    private var spare: [RowBatch]
    private var ended = false
    private var failure: (any Error)?
    private var abortedBy: (any Error)?
    private var stopped = false
    private var readerDone = false
    /// Rows received by the merger so far.
    private(set) var rowsReceived = 0

    /// A channel with a pool of `batches` batches.
    init(batches: Int, byteCapacity: Int, rowCapacity: Int) {
        spare = (0..<max(2, batches)).map { _ in RowBatch(byteCapacity: byteCapacity, rowCapacity: rowCapacity) }
    }

    // MARK: Reader side

    /// A spare batch to fill (waits for one); nil when the merger has stopped the channel.
    func takeSpare() -> RowBatch? {
        condition.lock()
        defer { condition.unlock() }
        while spare.isEmpty && !stopped { condition.wait() }
        if stopped { return nil }
        let batch = spare.removeLast()
        batch.reset()
        return batch
    }

    /// Sends a filled batch; false when the merger has stopped the channel.
    func send(_ batch: RowBatch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if stopped { return false }
        ready.append(batch)
        condition.broadcast()
        return true
    }

    /// Whether the merger asked the reader to stop.
    var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    /// The reader's last word: the end of the data (`nil`) or its failure. Call once, after the
    /// reader has released its COPY stream.
    func finish(_ error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        ended = true
        if failure == nil { failure = error }
        readerDone = true
        condition.broadcast()
    }

    // MARK: Merger side

    /// The next filled batch (waits for one); nil at the end; throws the reader's failure.
    func nextBatch() throws -> RowBatch? {
        condition.lock()
        defer { condition.unlock() }
        while readyHead == ready.count && !ended && abortedBy == nil { condition.wait() }
        if let abortedBy { throw abortedBy }
        if readyHead < ready.count {
            let batch = ready[readyHead]
            readyHead += 1
            if readyHead == ready.count { ready.removeAll(keepingCapacity: true); readyHead = 0 }
            rowsReceived += batch.count
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Gives a batch back to the pool.
    func recycle(_ batch: RowBatch) {
        condition.lock()
        defer { condition.unlock() }
        spare.append(batch)
        condition.broadcast()
    }

    /// Makes the merger's next (or current) wait throw `error` at once: the other side failed, so
    /// there is no point waiting for this one (whose server may still be sorting).
    func abort(_ error: any Error) {
        condition.lock()
        defer { condition.unlock() }
        if abortedBy == nil { abortedBy = error }
        condition.broadcast()
    }

    /// Asks the reader to stop at its next batch boundary.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        condition.broadcast()
    }

    /// Waits until the reader has finished; with a `deadline`, at most until then. True if it has.
    @discardableResult
    func waitForReader(until deadline: Date? = nil) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !readerDone {
            if let deadline {
                // (No `.distantFuture` here: Foundation on Linux traps converting it.)
                if !condition.wait(until: deadline) { return readerDone }
            } else {
                condition.wait()
            }
        }
        return true
    }
}
