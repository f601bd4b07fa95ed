import Foundation
import ReconRules

/// 整改状态: where an item of a rectification list stands, derived from what tracking recorded
/// and the current time (overdue is derived, never stored, so that it cannot go stale).
///
/// docs/rules.md *11*: "Re-uploaded = the ministry-side record for that key carries a submission
/// time (报送时间) after the list was issued and no later than the deadline; for an item that
/// exists only on the ministry side, its deletion/cancellation within the deadline counts."
public enum RectificationStatus: String, Sendable, CaseIterable, CustomStringConvertible {
    /// 待整改: not re-uploaded, deadline not yet passed.
    case pending
    /// 已按期上传: re-uploaded before the deadline.
    case reuploadedOnTime
    /// 逾期上传: re-uploaded, but at or after the deadline.
    case reuploadedLate
    /// 已按期注销: cancelled/deleted at the ministry before the deadline.
    case cancelledOnTime
    /// 逾期注销: cancelled/deleted at or after the deadline.
    case cancelledLate
    /// 已逾期未上传: not re-uploaded and the deadline has passed.
    case overdue

    /// The Chinese label shown in lists.
    public var label: String {
        switch self {
        case .pending: return "待整改"
        case .reuploadedOnTime: return "已按期上传"
        case .reuploadedLate: return "逾期上传"
        case .cancelledOnTime: return "已按期注销"
        case .cancelledLate: return "逾期注销"
        case .overdue: return "已逾期未上传"
        }
    }

    /// The label.
    public var description: String { label }

    /// The status of an item.
    /// - Parameters:
    ///   - reuploadedAt: the re-upload's submission time, nil when none was seen.
    ///   - kind: `reupload` or `deleted` (from `recon.list_items.reupload_kind`).
    ///   - deadline: the list's exclusive deadline end.
    ///   - now: the time of the question.
    public static func of(reuploadedAt: Date?, kind: ReuploadKind?, deadline: Date, now: Date) -> RectificationStatus {
        guard let reuploadedAt else {
            // RectificationDeadline: "on time exactly when submittedAt < end"; at `end` it is over.
            return now < deadline ? .pending : .overdue
        }
        let onTime = WorkdayCalendar.isOnTime(submittedAt: reuploadedAt, deadline: deadline)
        switch kind ?? .reupload {
        case .reupload: return onTime ? .reuploadedOnTime : .reuploadedLate
        case .deleted: return onTime ? .cancelledOnTime : .cancelledLate
        }
    }
}

/// How an item was answered at the ministry (`recon.list_items.reupload_kind`).
public enum ReuploadKind: String, Sendable, Hashable, CaseIterable {
    /// The record was uploaded again (a new 报送时间).
    case reupload
    /// The record was cancelled/deleted by an upload, or vanished from the ministry's table.
    case deleted
}
