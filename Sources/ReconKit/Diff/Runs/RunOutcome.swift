/// One record set's result within a run.
import ReconRules

public struct SetOutcome: Sendable, Hashable {
    /// The record set's name.
    public var recordSet: String
    /// Its 中文名.
    public var label: String
    /// Its counts.
    public var counts: DiffCounts
    /// How long its diff took, in milliseconds.
    public var milliseconds: Int
    /// Suspected same records found (pairs, 疑似同一记录).
    public var suspectPairs: Int = 0
    /// Pairing was skipped: more one-sided differences than ``suspectPairingLimit``.
    public var suspectPairingSkipped = false
    /// The pairing's limit (``ReconcileOptions/suspectPairingLimit``).
    public var suspectPairingLimit = SuspectPairing.defaultCandidateLimit
}

/// A completed run: its id and counts, per record set and in total.
public struct RunOutcome: Sendable, Hashable {
    /// `recon.runs.id`.
    public var runID: Int64
    /// The province's code.
    public var provinceCode: String
    /// Per record set, in the order diffed.
    public var sets: [SetOutcome]
    /// Whether it became its quarter's official run (nil: no marking was asked for).
    public var official: OfficialMarking.Decision? = nil

    /// The sum over the record sets.
    public var totals: DiffCounts { sets.reduce(DiffCounts()) { $0 + $1.counts } }
    /// 对账差异率: differing keys over union keys, all record sets (indicator 10).
    public var rate: DiffRate { totals.rate }
}

/// A run that failed: the error, and the run id when a run row was written (it is marked failed).
public struct RunFailure: Error, Sendable, CustomStringConvertible {
    /// The run, when its row was written.
    public var runID: Int64?
    /// The province.
    public var provinceCode: String
    /// What went wrong (no secrets).
    public var message: String

    public var description: String {
        if let runID { return "run \(runID) for province \(provinceCode) failed: \(message)" }
        return "reconciliation of province \(provinceCode) failed before it started: \(message)"
    }
}
