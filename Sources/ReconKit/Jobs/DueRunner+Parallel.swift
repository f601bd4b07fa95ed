import Foundation
import PostgresClient
import ReconRules

/// Parallel provinces, biggest first; waiting for work held by another copy (issue 24 item 4).
extension DueRunner {
    /// Runs `body` for every configured province — on up to `settings.jobs` workers, the biggest
    /// provinces first — then, for the provinces another copy held, waits up to `settings.heldWait`
    /// for that copy and runs `body` again (the work is then found done, or done here if the other
    /// copy failed). Outcomes come back in the configuration's order.
    func eachProvince(_ body: @escaping (DueRunner, ProvinceConfig, TimeInterval) -> DueOutcome) -> [DueOutcome] {
        let ordered = biggestFirst(config.provinces)
        var outcomes = onWorkers(ordered) { runner, province in body(runner, province, 0) }
        let held = outcomes.indices.filter { outcomes[$0].status == .held }
        if settings.heldWait > 0, !held.isEmpty {
            logger.notice("waiting up to \(settings.heldWait) s for work held by another copy: \(held.map { outcomes[$0].description }.joined(separator: "; "))")
            let deadline = Date(timeIntervalSinceNow: TimeInterval(settings.heldWait))
            let again = onWorkers(held.map { ordered[$0] }) { runner, province in
                body(runner, province, max(0.5, deadline.timeIntervalSinceNow))
            }
            for (k, index) in held.enumerated() { outcomes[index] = again[k] }
        }
        let position = Dictionary(uniqueKeysWithValues: config.provinces.enumerated().map { ($0.element.code, $0.offset) })
        return zip(ordered, outcomes).sorted { position[$0.0.code]! < position[$1.0.code]! }.map(\.1)
    }

    /// `attempt(0)`; when held by another copy, `attempt(heldWait)` once (waits for that copy).
    func waitingIfHeld(optional attempt: (TimeInterval) -> DueOutcome?) -> DueOutcome? {
        guard let first = attempt(0) else { return nil }
        guard first.status == .held, settings.heldWait > 0 else { return first }
        logger.notice("waiting up to \(settings.heldWait) s for work held by another copy: \(first)")
        return attempt(TimeInterval(settings.heldWait))
    }

    /// `attempt(0)`, for steps that always give an outcome.
    func waitingIfHeld(_ attempt: (TimeInterval) -> DueOutcome) -> DueOutcome {
        waitingIfHeld(optional: { Optional(attempt($0)) })!
    }

    /// The provinces, biggest first (by the keys of their last completed run; a province never run is
    /// taken as big and goes first), ties in the configuration's order: the longest work starts
    /// first, so that the pass ends soonest.
    func biggestFirst(_ provinces: [ProvinceConfig]) -> [ProvinceConfig] {
        var size: [String: Int] = [:]
        if let rows = try? results.execute("""
            SELECT DISTINCT ON (province_code) province_code, union_keys
            FROM recon.runs WHERE status = 'completed' ORDER BY province_code, finished_at DESC
            """).rows {
            for row in rows {
                if let code = try? row.string("province_code"), let keys = try? row.int("union_keys") { size[code] = keys }
            }
        }
        return provinces.enumerated().sorted { a, b in
            let (x, y) = (size[a.element.code] ?? Int.max, size[b.element.code] ?? Int.max)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    /// Runs `body` for each province on up to `settings.jobs` threads, each with its own runner
    /// (own results and ministry connections, own advisory locks); results in `provinces`' order.
    func onWorkers(_ provinces: [ProvinceConfig], _ body: @escaping (DueRunner, ProvinceConfig) -> DueOutcome) -> [DueOutcome] {
        let runners = workers(min(settings.jobs, provinces.count))
        guard runners.count > 1 else { return provinces.map { body(self, $0) } }
        let queue = WorkQueue(count: provinces.count)
        let group = DispatchGroup()
        for runner in runners {
            group.enter()
            let job = UncheckedJob { while let index = queue.take() { queue.store(index, body(runner, provinces[index])) } }
            Thread.detachNewThread {
                job.run()
                group.leave()
            }
        }
        group.wait()
        return queue.outcomes()
    }

    /// This runner and up to `count - 1` workers (made once; fewer when a connection cannot be opened).
    func workers(_ count: Int) -> [DueRunner] {
        guard count > 1, let openResults else { return [self] }
        while workerRunners.count < count - 1 {
            do {
                workerRunners.append(DueRunner(worker: self, results: try openResults()))
            } catch {
                logger.error("could not open a results connection for parallel worker \(workerRunners.count + 2): \(error); going on with \(workerRunners.count + 1)")
                break
            }
        }
        return [self] + workerRunners.prefix(count - 1)
    }
}

/// The shared index and outcomes of a pool of workers.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var stored: [DueOutcome?]

    init(count: Int) { stored = Array(repeating: nil, count: count) }

    func take() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < stored.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ index: Int, _ outcome: DueOutcome) {
        lock.lock(); defer { lock.unlock() }
        stored[index] = outcome
    }

    func outcomes() -> [DueOutcome] {
        lock.lock(); defer { lock.unlock() }
        return stored.map { $0! }
    }
}

/// A worker's loop, handed to its thread (each runner is used by that thread alone).
private struct UncheckedJob: @unchecked Sendable {
    let run: () -> Void
}
