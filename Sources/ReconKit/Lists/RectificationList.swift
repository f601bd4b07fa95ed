import Foundation
import ReconRules

/// One issued rectification list (整改清单, a row of `recon.lists`): the differences of one
/// completed run, to be re-uploaded by the province within 5 working days.
///
/// Indicator 11 (对账整改率): "收到对账差异数据整改清单后，在5个工作日内上传更新数据记录的数量与差异数据记录总量的比率".
public struct RectificationList: Sendable, Hashable {
    /// The list's id (`recon.lists.id`).
    public let id: Int64
    /// The run it was issued from (one list per run).
    public let runID: Int64
    /// The province's GB/T 2260 code, e.g. `410000`.
    public let provinceCode: String
    /// The province's 中文名, e.g. `河南省`.
    public let provinceName: String
    /// The quarter of the run's finish (Beijing time).
    public let quarter: Quarter
    /// Issued from the quarter's official run (decided by the caller).
    public let official: Bool
    /// When it was issued; the issue counts as its receipt (docs/rules.md *11*).
    public let issuedAt: Date
    /// The EXCLUSIVE end of the rectification period: 00:00 Beijing after the 5th working day
    /// (its "24:00"). A re-upload is on time when its submission time is before it.
    public let deadline: Date
    /// The working-day calendar version that gave the deadline (`WorkdayCalendar.versionHash`).
    public let calendarVersion: String
    /// The deadline assumed ordinary weekends for a year without a loaded notice (explicit opt-in).
    public let assumedWeekends: Bool
    /// The number of items (differing keys).
    public let itemCount: Int
    /// When a province first downloaded it, if ever.
    public let firstDownloadAt: Date?
    /// The record sets of the run, in the run's order (the order of the items and of the sheets).
    public let recordSets: [String]

    /// `整改清单_410000_2026Q4_12`: the file name without extension.
    public var fileStem: String { "整改清单_\(provinceCode)_\(quarter)_\(id)" }
}
