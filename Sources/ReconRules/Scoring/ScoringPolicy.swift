/// A named reading of the scoring rules, so that a later notice can change a reading by adding a
/// policy rather than touching the engine. The rate→score curves are the 2022 table's in every
/// policy; a policy fixes the windows (computed by the calendar, `WorkdayCalendar
/// .reconciliationWindow(_:policy:)`) and indicator 10's no-record case.
///
/// - `jtys-2022-1599` (default): the 2022 text, 交办运函〔2022〕1599号 — indicators 10 and 11 both
///   "未在每季度第一周完成数据对账的省份，得0分", the first week read as the first 5 working days.
/// - `workplan-2023`: the 2023 work plan annex — indicator 11 "未在每季度**次月**第一周完成数据对账
///   的省份，得0分", read as the first 5 working days of the quarter's second month; indicator 10
///   as in 2022.
/// - `jtys-2022-1599-calendar-week`: the 2022 text with "第一周" read as the first 7 calendar days
///   (docs/rules.md *The window*: "Keep 'first 7 calendar days' as a named alternative").
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
        summary: "交办运函〔2022〕1599号: indicators 10 and 11 need the reconciliation in the quarter's first week "
            + "(first 5 working days); no records for indicator 10 → 0",
        reconciliationWindow: .firstFiveWorkingDays,
        rectificationWindow: .firstFiveWorkingDays,
        emptyReconciliation: .scoreZero)

    /// `workplan-2023`: the 2023 work plan annex (indicator 11: 每季度次月第一周).
    public static let workplan2023 = ScoringPolicy(
        name: "workplan-2023",
        summary: "2023 work plan annex: as 1599号, but indicator 11 needs the reconciliation in the first week "
            + "(first 5 working days) of the quarter's second month (每季度次月第一周)",
        reconciliationWindow: .firstFiveWorkingDays,
        rectificationWindow: .annex2023SecondMonthFirstWeek,
        emptyReconciliation: .scoreZero)

    /// `jtys-2022-1599-calendar-week`: the 2022 text with 第一周 read as the first 7 calendar days.
    public static let jtys2022CalendarWeek = ScoringPolicy(
        name: "jtys-2022-1599-calendar-week",
        summary: "交办运函〔2022〕1599号 with 每季度第一周 read as the quarter's first 7 calendar days",
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

    /// The default policy, `jtys-2022-1599`.
    public static let `default` = jtys2022

    /// The named policies, default first.
    public static let all: [ScoringPolicy] = [.jtys2022, .workplan2023, .jtys2022CalendarWeek, .jtys2022Keys, .jtys2022AnyUpload]

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
        case 0: phrase = "未在每季度第一周完成数据对账"
        case 1: phrase = "未在每季度次月第一周完成数据对账"
        default: phrase = "未在规定时间内完成数据对账"
        }
        return "\(phrase)（\(window.name)）"
    }

    /// The name.
    public var description: String { name }
}
