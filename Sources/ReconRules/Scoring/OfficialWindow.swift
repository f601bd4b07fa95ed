import Foundation

/// Which window an official run belongs to (docs/rules.md, "Official run").
///
/// - `reconciliation`: 每季度第一周 — indicator 10 and, under the 2022 text, indicator 11.
/// - `rectification`: the 2023 annex's 每季度次月第一周 for indicator 11 under its earlier reading
///   (`workplan-2023-second-month`: the quarter's second month); only a policy whose rectification
///   window differs from its reconciliation window has one.
public enum OfficialWindowKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 每季度第一周.
    case reconciliation
    /// 每季度次月第一周 (2023 annex, indicator 11).
    case rectification

    /// 中文 name for reports.
    public var label: String {
        switch self {
        case .reconciliation: return "对账窗口"
        case .rectification: return "整改对账窗口"
        }
    }
}

extension ScoringPolicy {
    /// The window kind whose window decides indicator `indicator` (`nil` for 12, which has none).
    public func officialWindowKind(for indicator: Indicator) -> OfficialWindowKind? {
        switch indicator {
        case .differenceRate: return .reconciliation
        case .rectificationRate: return rectificationWindow == reconciliationWindow ? .reconciliation : .rectification
        case .aggregationRate: return nil
        }
    }

    /// The window policies of this policy, one per kind it has (reconciliation first).
    public var windowPolicies: [(kind: OfficialWindowKind, policy: ReconciliationWindowPolicy)] {
        rectificationWindow == reconciliationWindow
            ? [(.reconciliation, reconciliationWindow)]
            : [(.reconciliation, reconciliationWindow), (.rectification, rectificationWindow)]
    }

    /// The windows of `quarter` in which a run becomes official, one per kind this policy has.
    public func officialWindows(of quarter: Quarter, calendar: WorkdayCalendar) throws -> [(kind: OfficialWindowKind, window: ReconciliationWindow)] {
        var windows = [(kind: OfficialWindowKind.reconciliation, window: try calendar.reconciliationWindow(quarter, policy: reconciliationWindow))]
        if rectificationWindow != reconciliationWindow {
            windows.append((.rectification, try calendar.reconciliationWindow(quarter, policy: rectificationWindow)))
        }
        return windows
    }

    /// The quarter and window kind a run finishing at `instant` is official for under this policy
    /// alone, when it finishes inside one of the windows ("the first run … that completed inside the
    /// window"; being first is the database's to decide); `nil` otherwise. A window serves the
    /// quarter its policy names (`ReconciliationWindowPolicy.servedQuarter(of:)`): under the default
    /// a run on 2026-10-09 is 2026Q3's.
    public func officialWindow(containing instant: Date, calendar: WorkdayCalendar) throws -> (quarter: Quarter, kind: OfficialWindowKind)? {
        try Self.officialWindow(containing: instant, calendar: calendar) { _ in self }
    }

    /// The quarters whose window could contain a date: the date's quarter (a window in the quarter
    /// itself) and the one before it (a window in the month after the quarter).
    public static func candidateQuarters(of date: CivilDate) -> [Quarter] {
        let own = Quarter(containing: date)
        return [own.previous, own]
    }

    /// The quarter and window kind a run finishing at `instant` is official for, each candidate
    /// quarter judged by its own policy (`policyOf`: the policy stored with the quarter, else the
    /// configured one — docs/rules.md, "Which policy serves a quarter"); `nil` when no window of
    /// theirs contains it.
    public static func officialWindow(containing instant: Date, calendar: WorkdayCalendar,
                                      policyOf: (Quarter) throws -> ScoringPolicy) throws -> (quarter: Quarter, kind: OfficialWindowKind)? {
        let date = BeijingTime.civilDate(of: instant)
        for quarter in candidateQuarters(of: date) {
            // A window opening after the date cannot contain it (and may need a notice not loaded yet).
            for (kind, windowPolicy) in try policyOf(quarter).windowPolicies {
                if let window = try calendar.reconciliationWindow(quarter, policy: windowPolicy, openedBy: date), window.contains(instant) {
                    return (quarter, kind)
                }
            }
        }
        return nil
    }
}
