/// What `recon due` has to do on a Beijing date, decided from the calendar alone.
import ReconRules

public struct DuePlan: Sendable, Equatable {
    /// One piece of due work.
    public enum Step: Sendable, Equatable, CustomStringConvertible {
        /// The quarter's official reconciliation (inside its window), then issuing its list, for
        /// every province that has none yet.
        case reconcile(quarter: Quarter, windowFirstDay: CivilDate, windowLastDay: CivilDate)
        /// Tracking of the open lists' re-uploads (every day: provinces upload on days off too).
        case track
        /// The draft scores of a quarter, put on public notice (from the 10th working day of the
        /// month after it, once every official list's deadline has passed; until done).
        case score(quarter: Quarter, due: CivilDate)
        /// Publication of a quarter at the end of its public notice (第十一条).
        case publish(quarter: Quarter)
        /// The lifecycle's files: write the missing ones, remove stale `.partial` files.
        case files(quarters: [Quarter])
        /// Name every province without an official run of a quarter whose window is over and that
        /// is not yet published.
        case checkOfficialRuns(quarters: [Quarter])

        public var description: String {
            switch self {
            case let .reconcile(quarter, first, last):
                return "reconcile \(quarter) (window \(first) – \(last)) and issue lists, for provinces without an official run"
            case .track: return "track re-uploads of open lists"
            case let .score(quarter, due): return "draft the scores of \(quarter) (results due \(due)) and put them on public notice, once every official list's deadline has passed"
            case let .publish(quarter): return "publish \(quarter) once its public notice is over and every objection is decided"
            case let .files(quarters): return "write missing list, score and bulletin files of \(quarters.map(\.description).joined(separator: ", ")); remove stale .partial files"
            case let .checkOfficialRuns(quarters):
                return quarters.isEmpty ? "name provinces without an official run (no quarter's window is over yet)"
                    : "name provinces without an official run of \(quarters.map(\.description).joined(separator: ", "))"
            }
        }
    }

    /// The date planned for.
    public let date: CivilDate
    /// Whether it is a working day.
    public let isWorkingDay: Bool
    /// The steps, in the order they run.
    public let steps: [Step]
    /// Loud warnings (e.g. next year's holiday notice missing from November on).
    public let warnings: [String]

    /// Readable lines for `--dry-run`.
    public func rendered() -> String {
        var lines = ["recon due \(date) (\(isWorkingDay ? "working day" : "day off")):"]
        lines += steps.isEmpty ? ["  nothing due"] : steps.map { "  - \($0)" }
        lines += warnings.map { "  ! \($0)" }
        return lines.joined(separator: "\n")
    }
}

/// Decides the due work of a date.
public enum DuePlanner {
    /// The plan for `date`: each quarter whose window could hold the date (the date's quarter and
    /// the one before it) is judged by its own policy — `stored[quarter]` when the quarter's policy
    /// is fixed (`QuarterPolicies`), else `policy`, the configured one (docs/rules.md, "Which policy
    /// serves a quarter"). `extensions`: the ministry's extensions of those quarters' windows
    /// (`WindowExtension`), whose days reconcile too.
    public static func plan(date: CivilDate, calendar: WorkdayCalendar, policy: ScoringPolicy,
                            stored: [Quarter: ScoringPolicy] = [:], extensions: [WindowExtension] = []) throws -> DuePlan {
        var steps: [DuePlan.Step] = []
        let quarter = date.quarter
        // 10/11: 未在每季度第一周完成数据对账的省份，得0分 — reconcile while the window lasts; a
        // province that failed is retried the next day while the window lasts. The window serving
        // quarter Q is in the month after Q by default (2026Q3 → October 2026), in Q itself under
        // the earlier attribution (docs/rules.md, "The window").
        var checked: [Quarter] = []
        for candidate in ScoringPolicy.candidateQuarters(of: date) {
            let candidatePolicy = stored[candidate] ?? policy
            var windows: [ReconciliationWindow] = []
            for (_, windowPolicy) in candidatePolicy.windowPolicies {
                if let window = try calendar.reconciliationWindow(candidate, policy: windowPolicy, openedBy: date) { windows.append(window) }
            }
            var reconciling = false
            for window in windows where window.firstDay <= date && date <= window.lastDay {
                steps.append(.reconcile(quarter: candidate, windowFirstDay: window.firstDay, windowLastDay: window.lastDay))
                reconciling = true
            }
            guard let main = windows.first, main.policy == candidatePolicy.reconciliationWindow else { continue }
            if let extended = extensions.first(where: { $0.quarter == candidate }), !reconciling, main.lastDay < date, date <= extended.until {
                steps.append(.reconcile(quarter: candidate, windowFirstDay: main.firstDay, windowLastDay: extended.until))
            }
            if date > main.lastDay { checked.append(candidate) }
        }
        let workingDay = try calendar.isWorkingDay(date)
        // The ministry keeps only a row's last 报送时间 and a vanished row is timed by the check, so
        // tracking runs every day (and late in the evening: see jobs/), not only on working days.
        steps.append(.track)
        // 第八条: 每季度次月第10个工作日出当季度评价结果 — draft the previous quarter from that day
        // on; 第十一条: publish it once its notice is over (the runner checks the stage).
        let previous = quarter.previous
        let due = try calendar.resultsDueDate(previous).value
        if date >= due {
            steps.append(.score(quarter: previous, due: due))
            steps.append(.publish(quarter: previous))
        }
        // Name the provinces without an official run of a quarter whose window is over.
        steps.append(.checkOfficialRuns(quarters: checked))
        steps.append(.files(quarters: [previous, quarter]))
        var warnings: [String] = []
        if date.month >= 11, !calendar.isKnown(year: date.year + 1) {
            warnings.append("the State Council's holiday notice for \(date.year + 1) is not loaded: deadlines and windows reaching into \(date.year + 1) will fail. Load it with `recon calendar import FILE` as soon as it is published.")
        }
        return DuePlan(date: date, isWorkingDay: workingDay, steps: steps, warnings: warnings)
    }
}
