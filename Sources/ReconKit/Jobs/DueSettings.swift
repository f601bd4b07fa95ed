/// How one `recon due` runs its work (issue 24 items 4 and 5; README "Deploying").
public struct DueSettings: Sendable, Equatable {
    /// Provinces reconciled or tracked at once, each on a worker with its own connections
    /// (`[jobs] parallel`, `--jobs`).
    public var jobs = 1
    /// Seconds a province's step may take before its statements are cancelled and it fails alone
    /// (`[jobs] province_budget`); `nil`: no budget.
    public var provinceBudget: Int? = nil
    /// Seconds to wait, at the end of a step, for work another copy holds: once that copy releases
    /// it, the work is looked at again (done by the other copy: skipped; failed there: done here).
    /// Only work still held after this is reported held (exit 75). 0: no wait.
    public var heldWait = 0

    /// The defaults: one at a time, no budget, no wait.
    public init() {}

    /// The settings of `[jobs]` (`jobs` overriding `parallel` when given).
    public init(_ jobs: JobsSettings, jobsOverride: Int? = nil) {
        self.jobs = jobsOverride ?? jobs.parallel
        provinceBudget = jobs.provinceBudget
        heldWait = jobs.heldWait
    }
}
