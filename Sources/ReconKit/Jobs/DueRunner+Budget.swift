import Foundation
import PostgresClient

/// Nothing hangs (issue 24 item 5): a province's step runs within its time budget, and an advisory
/// lock is waited for only as long as asked.
extension DueRunner {
    /// Takes the advisory lock `name`, trying again every half second for up to `wait` seconds.
    func acquire(_ name: String, wait: TimeInterval) throws -> Bool {
        let deadline = Date(timeIntervalSinceNow: wait)
        while true {
            if try results.tryAdvisoryLock(name) { return true }
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: min(0.5, max(0.05, deadline.timeIntervalSinceNow)))
        }
    }

    /// Runs a province's step within `settings.provinceBudget`: once over it, the statements of its
    /// connections (this worker's results and ministry connections, and the step's own, named
    /// `recon reconcile CODE …` / `recon track CODE`) are cancelled — again every 5 s until the step
    /// returns — and the step fails alone, named, while the other provinces go on.
    func budgeted(step: String, province: String, _ body: () throws -> DueOutcome) throws -> DueOutcome {
        guard let budget = settings.provinceBudget else { return try body() }
        let results = self.results
        let ministry = self.ministrySlot
        // The step's own connections are those it opens inside this scope (never another worker's).
        let scope = CancelScope()
        let watch = BudgetWatch(seconds: budget) {
            results.cancelRunningStatement()
            ministry.connection?.cancelRunningStatement()
            scope.cancelRunningStatements(applicationNamePrefix: "recon reconcile \(province)")
            scope.cancelRunningStatements(applicationNamePrefix: "recon track \(province)")
        }
        let outcome: Result<DueOutcome, any Error> = Result { try scope.run { try body() } }
        guard watch.finish() else { return try outcome.get() }
        let name = (try? config.province(province).name) ?? ""
        let what: String
        switch outcome {
        case let .success(done): what = done.detail
        case let .failure(error): what = String(describing: error)
        }
        // The cancelled connections may be mid-transaction: start the next province afresh.
        ministryConnection = nil
        logger.error("province \(province) \(name): \(step) over its time budget of \(budget) s — cancelled")
        return DueOutcome(step: step, province: province, status: .failed,
                          detail: "over its time budget of \(budget) s ([jobs] province_budget): its statements were cancelled — \(what)")
    }
}

/// A timer for one step: after `seconds`, calls `cancel` (then every 5 s) until ``finish()``.
final class BudgetWatch: @unchecked Sendable {
    private let condition = NSCondition()
    private var finished = false
    private var expired = false

    init(seconds: Int, cancel: @escaping @Sendable () -> Void) {
        let deadline = Date(timeIntervalSinceNow: TimeInterval(seconds))
        Thread.detachNewThread { [self] in
            condition.lock()
            var until = deadline
            while !finished {
                if !condition.wait(until: until), !finished {
                    expired = true
                    condition.unlock()
                    cancel()
                    condition.lock()
                    until = Date(timeIntervalSinceNow: 5)
                }
            }
            condition.unlock()
        }
    }

    /// Stops the timer; whether the budget ran out.
    func finish() -> Bool {
        condition.lock(); defer { condition.unlock() }
        finished = true
        condition.broadcast()
        return expired
    }
}

/// A connection another thread may read (the budget watch cancels the current ministry connection).
final class ConnectionSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Connection?

    var connection: Connection? {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}
