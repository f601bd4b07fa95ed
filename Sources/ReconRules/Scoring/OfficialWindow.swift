import Foundation

/// Which window an official run belongs to (docs/rules.md, "Official run").
///
/// - `reconciliation`: 每季度第一周 — indicator 10 and, under the 2022 text, indicator 11.
/// - `rectification`: the 2023 annex's 每季度次月第一周 for indicator 11 (only a policy whose
///   rectification window differs from its reconciliation window has one).
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

    /// The windows of `quarter` in which a run becomes official, one per kind this policy has.
    public func officialWindows(of quarter: Quarter, calendar: WorkdayCalendar) throws -> [(kind: OfficialWindowKind, window: ReconciliationWindow)] {
        var windows = [(kind: OfficialWindowKind.reconciliation, window: try calendar.reconciliationWindow(quarter, policy: reconciliationWindow))]
        if rectificationWindow != reconciliationWindow {
            windows.append((.rectification, try calendar.reconciliationWindow(quarter, policy: rectificationWindow)))
        }
        return windows
    }

    /// The quarter and window kind a run finishing at `instant` is official for, when it finishes
    /// inside one of its quarter's windows ("the first run … that completed inside the window";
    /// being first is the database's to decide); `nil` otherwise.
    public func officialWindow(containing instant: Date, calendar: WorkdayCalendar) throws -> (quarter: Quarter, kind: OfficialWindowKind)? {
        let quarter = Quarter(containing: BeijingTime.civilDate(of: instant))
        for (kind, window) in try officialWindows(of: quarter, calendar: calendar) where window.contains(instant) {
            return (quarter, kind)
        }
        return nil
    }
}
