import Foundation
import ReconRules

/// Where a province stands with one rectification list (整改清单): one row of `recon lists progress`.
///
/// Indicator 11 (对账整改率): "在5个工作日内上传更新数据记录的数量与差异数据记录总量的比率".
public struct ListProgress: Sendable, Hashable {
    /// The province's code, e.g. `410000`.
    public var provinceCode: String
    /// The province's 中文名.
    public var provinceName: String
    /// The quarter of the list.
    public var quarter: Quarter
    /// The list.
    public var listID: Int64
    /// Issued from the quarter's official run.
    public var official: Bool
    /// When it was issued.
    public var issuedAt: Date
    /// The exclusive deadline end (00:00 Beijing after the 5th working day).
    public var deadline: Date
    /// All items.
    public var items: Int
    /// Re-uploaded (or cancelled) before the deadline.
    public var onTime: Int
    /// Re-uploaded (or cancelled) at or after the deadline.
    public var late: Int
    /// Not re-uploaded yet.
    public var outstanding: Int
    /// The ministry's record now matches the province's.
    public var resolved: Int
    /// Working days of the rectification period not yet over (0 once the deadline has passed);
    /// nil when the calendar cannot tell (a year without a loaded notice).
    public var workingDaysLeft: Int?

    /// The rectification rate so far: on time / items; nil for an empty list.
    public var rate: RectificationRate? { RectificationRate(onTime, of: items) }

    /// Outstanding items whose deadline has passed (已逾期未上传), as of `now`.
    public func overdue(now: Date) -> Int { now < deadline ? 0 : outstanding }
}
