import Foundation
import PostgresClient
import ReconRules

/// `recon health`: whether `recon due` is doing its job, for any monitoring system (README
/// "Monitoring"). Critical when the last pass failed, when no pass ran for longer than `maxAge`, or
/// when a configured province lacks its official run of a quarter whose window is over (10/11:
/// 未在每季度第一周完成数据对账的省份，得0分 — docs/rules.md, "Official run").
public struct DueHealth {
    /// One finding.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        /// How bad.
        public enum Level: String, Sendable { case ok = "OK", warning = "WARNING", critical = "CRITICAL" }
        /// How bad.
        public let level: Level
        /// What.
        public let text: String
        public var description: String { "\(level.rawValue): \(text)" }
    }

    let results: Connection
    let config: ReconConfig
    let calendar: WorkdayCalendar
    let policy: ScoringPolicy

    /// A check over a migrated results database.
    public init(results: Connection, config: ReconConfig, calendar: WorkdayCalendar, policy: ScoringPolicy) {
        self.results = results
        self.config = config
        self.calendar = calendar
        self.policy = policy
    }

    /// The findings at `now`; a pass older than `maxAge` seconds is stale.
    public func check(now: Date, maxAge: TimeInterval) throws -> [Finding] {
        var findings: [Finding] = []
        if let pass = try DuePassStore(connection: results).latest() {
            let age = now.timeIntervalSince(pass.passAt)
            let when = "\(BeijingTimeFormat.human(pass.passAt)) on \(pass.host)\(pass.pretended ? " (pretended time)" : "")"
            if age > maxAge {
                findings.append(Finding(level: .critical, text: "stale: the last recon due pass was at \(when), \(Int(age / 3600)) h ago (more than \(Int(maxAge / 3600)) h)"))
            }
            switch pass.exitCode {
            case ExitCodes.failure:
                findings.append(Finding(level: .critical, text: "the last recon due pass (\(when)) failed: " + pass.failures.joined(separator: "; ")))
            case ExitCodes.lockHeld:
                findings.append(Finding(level: .warning, text: "the last recon due pass (\(when)) left work held by another copy (exit 75)"))
            default:
                findings.append(Finding(level: .ok, text: "the last recon due pass (\(when)) succeeded"))
            }
        } else {
            findings.append(Finding(level: .critical, text: "no recon due pass is recorded in the results database"))
        }
        findings += try missingOfficialRuns(now: now)
        return findings
    }

    /// A province without an official run of a quarter whose window is over while the quarter is
    /// not published (from the first quarter the system scores): the current and the previous
    /// quarter, each by its own policy (the window serving 2026Q3 is in October 2026 by default).
    func missingOfficialRuns(now: Date) throws -> [Finding] {
        let today = BeijingTime.civilDate(of: now)
        let policies = QuarterPolicies(configured: policy)
        guard let first = try QuarterLifecycle(results: results, calendar: calendar)
            .firstQuarter(configured: config.firstQuarter, policies: policies) else {
            return []
        }
        var findings: [Finding] = []
        for quarter in ScoringPolicy.candidateQuarters(of: today) where quarter >= first {
            let quarterPolicy = try policies.policy(of: quarter, on: results)
            guard let window = try calendar.reconciliationWindow(quarter, policy: quarterPolicy.reconciliationWindow, openedBy: today),
                  today > window.lastDay, try Publication.current(quarter, on: results) == nil else { continue }
            let missing = try config.provinces.filter { try OfficialRun.find(province: $0.code, quarter: quarter, on: results) == nil }
            if missing.isEmpty {
                findings.append(Finding(level: .ok, text: "every configured province has its official run of \(quarter)"))
            } else {
                findings.append(Finding(level: .critical, text: "\(missing.count) province(s) have NO official run of \(quarter) (window \(window.firstDay) – \(window.lastDay) is over): "
                                        + missing.map { "\($0.code) \($0.name)" }.joined(separator: ", ")))
            }
        }
        return findings
    }

    /// 1 when a finding is critical, else 0.
    public static func exitCode(_ findings: [Finding]) -> Int32 {
        findings.contains { $0.level == .critical } ? ExitCodes.failure : ExitCodes.success
    }
}
