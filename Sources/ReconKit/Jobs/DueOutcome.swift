/// What happened to one piece of due work.
import ReconRules

public struct DueOutcome: Sendable, Equatable, CustomStringConvertible {
    /// How it ended.
    public enum Status: String, Sendable, Equatable {
        /// Done now.
        case done
        /// Nothing to do (done earlier, or not applicable).
        case skipped
        /// Another process holds its lock; it does the work.
        case held
        /// It failed; the others went on.
        case failed
    }

    /// `reconcile`, `track` or `score`.
    public let step: String
    /// The province, when the work is per province.
    public let province: String?
    /// How it ended.
    public let status: Status
    /// One line: what was done, or why not.
    public let detail: String

    /// An outcome.
    public init(step: String, province: String?, status: Status, detail: String) {
        self.step = step
        self.province = province
        self.status = status
        self.detail = detail
    }

    public var description: String {
        "\(step)\(province.map { " \($0)" } ?? ""): \(status.rawValue) — \(detail)"
    }
}

/// Exit codes of `recon` (sysexits.h where one fits).
public enum ExitCodes {
    /// Everything due was done (or already done).
    public static let success: Int32 = 0
    /// A step failed (the others still ran); see the log.
    public static let failure: Int32 = 1
    /// Bad command line.
    public static let usage: Int32 = 64
    /// Some due work is held by another copy (advisory lock): EX_TEMPFAIL, try again later.
    public static let lockHeld: Int32 = 75
    /// The configuration is wrong: EX_CONFIG.
    public static let config: Int32 = 78

    /// The exit code for a set of outcomes: failure beats held beats success.
    public static func of(_ outcomes: [DueOutcome]) -> Int32 {
        if outcomes.contains(where: { $0.status == .failed }) { return failure }
        if outcomes.contains(where: { $0.status == .held }) { return lockHeld }
        return success
    }
}
