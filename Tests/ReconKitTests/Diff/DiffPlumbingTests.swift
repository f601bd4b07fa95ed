import Foundation
import Testing
@testable import ReconKit
@testable import ReconRules

@Suite("Diff plumbing: batches, channel, progress, small formats")
struct DiffPlumbingTests {
    @Test("a batch holds rows back to back without their newline, refuses when full, grows only when empty")
    func rowBatch() {
        let batch = RowBatch(byteCapacity: 8, rowCapacity: 3)
        #expect(batch.append(Array("ab\n".utf8)))
        #expect(batch.append(Array("cde".utf8)))
        #expect(!batch.append(Array("fghi".utf8)))       // 5 + 4 > 8 bytes
        #expect(batch.count == 2)
        #expect(Array(batch.row(0)) == Array("ab".utf8))
        #expect(Array(batch.row(1)) == Array("cde".utf8))
        batch.reset()
        #expect(batch.append(Array("a row longer than eight bytes".utf8)))   // empty: grows
        #expect(Array(batch.row(0)) == Array("a row longer than eight bytes".utf8))
        let rows = RowBatch(byteCapacity: 100, rowCapacity: 2)
        #expect(rows.append(Array("x".utf8)) && rows.append(Array("y".utf8)))
        #expect(!rows.append(Array("z".utf8)))           // row capacity
    }

    @Test("the channel circulates a fixed pool: a reader cannot run ahead of the merge by more than the pool")
    func boundedPool() throws {
        let channel = BatchChannel(batches: 2, byteCapacity: 16, rowCapacity: 4)
        let first = try #require(channel.takeSpare())
        let second = try #require(channel.takeSpare())
        #expect(first !== second)
        _ = first.append(Array("r1".utf8))
        #expect(channel.send(first))
        let received = try #require(try channel.nextBatch())
        #expect(received === first && Array(received.row(0)) == Array("r1".utf8))
        // No spare left until the merge gives one back: a reader waiting for one is released by stop().
        let released = Locked(false)
        let waiter = Thread {
            let spare = channel.takeSpare()
            released.set(spare == nil)
        }
        waiter.start()
        channel.stop()
        channel.finish(nil)
        #expect(channel.waitForReader(until: Date(timeIntervalSinceNow: 30)))
        while !waiter.isFinished { Thread.sleep(forTimeInterval: 0.001) }
        #expect(released.get())
        #expect(!channel.send(second))
        channel.recycle(received)
    }

    @Test("end of data, a reader's failure, and an abort from the other side")
    func endFailureAbort() throws {
        let ended = BatchChannel(batches: 2, byteCapacity: 16, rowCapacity: 4)
        ended.finish(nil)
        #expect(try ended.nextBatch() == nil)

        let failed = BatchChannel(batches: 2, byteCapacity: 16, rowCapacity: 4)
        let batch = try #require(failed.takeSpare())
        _ = batch.append(Array("r".utf8))
        _ = failed.send(batch)
        failed.finish(DiffError.readFailed(side: .province, message: "connection lost"))
        #expect(try failed.nextBatch() === batch)   // rows sent before the failure still arrive
        #expect(throws: DiffError.readFailed(side: .province, message: "connection lost")) { try failed.nextBatch() }

        let aborted = BatchChannel(batches: 2, byteCapacity: 16, rowCapacity: 4)
        aborted.abort(DiffError.readFailed(side: .ministry, message: "other side failed"))
        #expect(throws: DiffError.readFailed(side: .ministry, message: "other side failed")) { try aborted.nextBatch() }
    }

    @Test("the progress line: rows, rows per second, share of the larger side's estimate")
    func progressLine() {
        let progress = DiffProgress(enabled: false, label: "410000 vehicles 营运车辆", estimate: 2_000_000)
        #expect(progress.line(elapsedMilliseconds: 0) == "410000 vehicles 营运车辆: 0 rows, 0 rows/s, 0% of ~2,000,000")
        let live = DiffProgress(enabled: true, label: "x", estimate: 1000)
        live.batch(.ministry, rows: 300)
        live.batch(.province, rows: 500)
        #expect(live.line(elapsedMilliseconds: 2000) == "x: 800 rows, 400 rows/s, 50% of ~1,000")
        let unknown = DiffProgress(enabled: true, label: "x", estimate: nil)
        unknown.batch(.province, rows: 1_234_567)
        #expect(unknown.line(elapsedMilliseconds: 1000) == "x: 1,234,567 rows, 1,234,567 rows/s")
    }

    @Test("seconds are written with three decimals from milliseconds; the rate converts to a reduced Rational")
    func smallFormats() throws {
        #expect(RunStore.seconds(milliseconds: 12_345) == "12.345")
        #expect(RunStore.seconds(milliseconds: 7) == "0.007")
        #expect(RunStore.seconds(milliseconds: 60_000) == "60.000")
        #expect(DiffRate(differing: 5, union: 1000).rational == (try Rational(1, 200)))
        #expect(DiffRate(differing: 0, union: 0).rational == nil)
    }

    @Test("the fingerprint of the record-set definitions changes with a normaliser, not with their order in a list")
    func fingerprint() {
        var changed = RecordSetSpec.vehicles
        changed.fields[0].normalisers = [.trim]
        #expect(RecordSetSpec.fingerprint([.vehicles]) != RecordSetSpec.fingerprint([changed]))
        var reordered = RecordSetSpec.vehicles
        reordered.key[0].normalisers = reordered.key[0].normalisers.reversed()
        #expect(RecordSetSpec.fingerprint([.vehicles]) == RecordSetSpec.fingerprint([reordered]))
    }
}

/// A value shared with a thread in a test.
final class Locked<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T
    init(_ value: T) { self.value = value }
    func set(_ newValue: T) { lock.lock(); value = newValue; lock.unlock() }
    func get() -> T { lock.lock(); defer { lock.unlock() }; return value }
}
