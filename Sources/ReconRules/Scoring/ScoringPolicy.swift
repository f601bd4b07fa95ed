/// A named reading of the scoring rules, so that a later notice can change a reading by adding a
/// policy rather than touching the engine. The rate→score curves are the 2022 table's in every
/// policy; a policy fixes the windows (computed by the calendar, `WorkdayCalendar
/// .reconciliationWindow(_:policy:)`) and indicator 10's no-record case.
///
/// - `jtys-2022-1599` (default): the 2022 text, 交办运函〔2022〕1599号 — indicators 10 and 11 both
///   "未在每季度第一周完成数据对账的省份，得0分", the first week read as the first 5 working days of
///   the month after the quarter (docs/rules.md *The window*, revised 2026-12: 2026Q3 → October 2026).
/// - `jtys-2022-1599-own-quarter`: the earlier attribution — the first 5 working days of the
///   quarter's own first month (2026Q3 → July 2026); kept for quarters stored under it.
/// - `workplan-2023`: the 2023 work plan annex — indicator 11 "未在每季度**次月**第一周完成数据对账
///   的省份，得0分", 次月 read as in 第八条 (the month after the quarter), so its windows are the
///   default's; `workplan-2023-second-month` keeps the earlier reading (10 in the quarter's first
///   week, 11 in the first week of its second month) for quarters stored under it.
/// - `jtys-2022-1599-calendar-week`: the 2022 text with "第一周" read as the first 7 calendar days
///   (docs/rules.md *The window*: "Keep 'first 7 calendar days' as a named alternative").
///
/// Every policy but `workplan-2023` has an `-own-quarter` variant with the earlier attribution
/// (`ownQuarterVariant`); a quarter's policy is stored with it (`recon.quarter_policies`).
public struct ScoringPolicy: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The stable name, stored with every score (`recon.scorings.policy`).
    public let name: String
    /// One line: what this reading is and where it comes from.
    public let summary: String
    /// The window of the official reconciliation: indicator 10's "每季度第一周". A province whose
    /// first reconciliation completed inside it has an official run; otherwise indicator 10 → 0.
    public let reconciliationWindow: ReconciliationWindowPolicy
    /// The window inside which the reconciliation must be completed for indicator 11 not to be 0
    /// ("未在每季度第一周完成数据对账的省份，得0分"; 2023 annex: 每季度次月第一周). Equal to
    /// `reconciliationWindow` in the 2022 reading.
    public let rectificationWindow: ReconciliationWindowPolicy
    /// Indicator 10 with no record on either side.
    public let emptyReconciliation: EmptyReconciliationRule
    /// How indicator 10 counts records (duplicated and empty keys).
    public let recordCounting: RecordCounting
    /// What indicator 11 credits as an upload of updated data.
    public let rectificationCredit: RectificationCredit

    /// Creates a policy (prefer the named ones; a new notice adds a new name).
    public init(name: String, summary: String, reconciliationWindow: ReconciliationWindowPolicy,
                rectificationWindow: ReconciliationWindowPolicy, emptyReconciliation: EmptyReconciliationRule,
                recordCounting: RecordCounting = .eachRecord, rectificationCredit: RectificationCredit = .changedOrResolved)
    {
        self.rectificationCredit = rectificationCredit
        self.name = name
        self.summary = summary
        self.reconciliationWindow = reconciliationWindow
        self.rectificationWindow = rectificationWindow
        self.emptyReconciliation = emptyReconciliation
        self.recordCounting = recordCounting
    }

    /// `jtys-2022-1599`: the 2022 text (the default).
    public static let jtys2022 = ScoringPolicy(
        name: "jtys-2022-1599",
        summary: "交办运函〔2022〕1599号: indicators 10 and 11 need the reconciliation in the first week (first 5 working days) "
            + "of the month after the quarter; no records for indicator 10 → 0",
        reconciliationWindow: .firstFiveWorkingDays,
        rectificationWindow: .firstFiveWorkingDays,
        emptyReconciliation: .scoreZero)

    /// `workplan-2023`: the 2023 work plan annex (indicator 11: 每季度次月第一周, 次月 read as 第八条's:
    /// the month after the quarter — the same window as indicator 10's).
    public static let workplan2023 = ScoringPolicy(
        name: "workplan-2023",
        summary: "2023 work plan annex: indicator 11's 每季度次月第一周 read as 第八条's 次月 (the month after the quarter), "
            + "so both windows are the first 5 working days of that month, as in 1599号",
        reconciliationWindow: .firstFiveWorkingDays,
        rectificationWindow: .firstFiveWorkingDays,
        emptyReconciliation: .scoreZero)

    /// `workplan-2023-second-month`: the earlier reading of the annex — indicator 10 in the
    /// quarter's own first week, indicator 11 in the first week of the quarter's second month.
    public static let workplan2023SecondMonth = ScoringPolicy(
        name: "workplan-2023-second-month",
        summary: "2023 work plan annex, the earlier reading: indicator 10 in the quarter's own first week, indicator 11 in "
            + "the first week (first 5 working days) of the quarter's second month",
        reconciliationWindow: .ownQuarterFirstFiveWorkingDays,
        rectificationWindow: .annex2023SecondMonthFirstWeek,
        emptyReconciliation: .scoreZero)

    /// `jtys-2022-1599-calendar-week`: the 2022 text with 第一周 read as the first 7 calendar days.
    public static let jtys2022CalendarWeek = ScoringPolicy(
        name: "jtys-2022-1599-calendar-week",
        summary: "交办运函〔2022〕1599号 with 每季度第一周 read as the first 7 calendar days of the month after the quarter",
        reconciliationWindow: .firstSevenCalendarDays,
        rectificationWindow: .firstSevenCalendarDays,
        emptyReconciliation: .scoreZero)

    /// `jtys-2022-1599-keys`: the 2022 text with indicator 10 counting keys, not rows — the reading
    /// before issue 25 (a duplicated key and all empty-key rows count once).
    public static let jtys2022Keys = ScoringPolicy(
        name: "jtys-2022-1599-keys",
        summary: "交办运函〔2022〕1599号 with indicator 10 counting distinct keys: a duplicated or empty key is one record "
            + "(the earlier reading)",
        reconciliationWindow: .firstFiveWorkingDays,
        rectificationWindow: .firstFiveWorkingDays,
        emptyReconciliation: .scoreZero,
        recordCounting: .keys)

    /// `jtys-2022-1599-any-upload`: the 2022 text with indicator 11 crediting any upload after the
    /// issue, changed or not — the reading before issue 25.
    public static let jtys2022AnyUpload = ScoringPolicy(
        name: "jtys-2022-1599-any-upload",
        summary: "交办运函〔2022〕1599号 with indicator 11 crediting any upload after the issue, even of an unchanged record "
            + "(the earlier reading)",
        reconciliationWindow: .firstFiveWorkingDays,
        rectificationWindow: .firstFiveWorkingDays,
        emptyReconciliation: .scoreZero,
        rectificationCredit: .anyUpload)

    /// `jtys-2022-1599-own-quarter`: the 2022 text with the earlier attribution — the window
    /// serving quarter Q is the first 5 working days of Q itself (2026Q3 → July 2026).
    public static let jtys2022OwnQuarter = jtys2022.ownQuarterVariant!

    /// The default policy, `jtys-2022-1599`.
    public static let `default` = jtys2022

    /// The policies whose windows lie in the month after the quarter, default first.
    static let monthAfter: [ScoringPolicy] = [.jtys2022, .workplan2023, .jtys2022CalendarWeek, .jtys2022Keys, .jtys2022AnyUpload]

    /// The named policies, default first, then the earlier attribution's (`-own-quarter`,
    /// `workplan-2023-second-month`).
    public static let all: [ScoringPolicy] = monthAfter + monthAfter.compactMap(\.ownQuarterVariant) + [.workplan2023SecondMonth]

    /// The same reading with the earlier attribution (`<name>-own-quarter`): each window moved from
    /// the month after the quarter to the quarter's own first month. Nil for a policy already in
    /// the quarter itself, and for `workplan-2023`, whose earlier reading is
    /// `workplan-2023-second-month`.
    public var ownQuarterVariant: ScoringPolicy? {
        guard name != "workplan-2023", let reconciliation = reconciliationWindow.ownQuarterVariant,
              let rectification = rectificationWindow.ownQuarterVariant else { return nil }
        return ScoringPolicy(name: name + "-own-quarter",
                             summary: summary + "; the earlier attribution: the window serving quarter Q is in Q's own first month",
                             reconciliationWindow: reconciliation, rectificationWindow: rectification,
                             emptyReconciliation: emptyReconciliation, recordCounting: recordCounting, rectificationCredit: rectificationCredit)
    }

    /// The named policy called `name`; throws `.unknownPolicy` listing the valid names otherwise.
    public static func named(_ name: String) throws(ScoringError) -> ScoringPolicy {
        guard let policy = all.first(where: { $0.name == name }) else {
            throw .unknownPolicy(name: name, known: all.map(\.name))
        }
        return policy
    }

    /// The window that decides "window missed" for `indicator` (nil for 12, which has none).
    public func window(for indicator: Indicator) -> ReconciliationWindowPolicy? {
        switch indicator {
        case .differenceRate: return reconciliationWindow
        case .rectificationRate: return rectificationWindow
        case .aggregationRate: return nil
        }
    }

    /// The Chinese reason for a missed window, quoting the text and naming the window policy,
    /// e.g. `未在每季度第一周完成数据对账（first-5-working-days）`.
    func windowMissedText(for window: ReconciliationWindowPolicy) -> String {
        let phrase: String
        switch window.monthOffset {
        case 0, 3: phrase = "未在每季度第一周完成数据对账"
        case 1: phrase = "未在每季度次月第一周完成数据对账"
        default: phrase = "未在规定时间内完成数据对账"
        }
        return "\(phrase)（\(window.name)）"
    }

    /// The name.
    public var description: String { name }
}
