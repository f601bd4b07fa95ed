import Foundation
import ReconRules

/// What one side (ministry or province) holds now for one key of a list item, as the tracking
/// query summarises it (one row per key, aggregated by the server).
public struct SideSummary: Sendable, Hashable {
    /// Rows with the key (at the ministry: the province's rows, cancelled ones included).
    public var total: Int
    /// Rows not cancelled/deleted (at the province: all of them).
    public var live: Int
    /// The earliest 报送时间 after the list's issue among the rows with the key (ministry only).
    public var firstSubmittedAfterIssue: Date?
    /// Whether that row is cancelled/deleted (ministry only).
    public var firstAfterIssueDeleted: Bool?
    /// The compared core fields of the only live row, raw, when there is exactly one.
    public var onlyLiveRow: [String?]?
    /// The earliest 报送时间 after the issue among the *live* rows with the key (ministry only): a
    /// re-upload sent as cancel + insert has a cancelled row and a live one, in either order.
    /// nil when the summary does not say (then the first row after the issue, if live, is it).
    public var firstLiveSubmittedAfterIssue: Date?

    /// A summary.
    public init(total: Int, live: Int, firstSubmittedAfterIssue: Date? = nil, firstAfterIssueDeleted: Bool? = nil,
                onlyLiveRow: [String?]? = nil, firstLiveSubmittedAfterIssue: Date? = nil) {
        self.total = total
        self.live = live
        self.firstSubmittedAfterIssue = firstSubmittedAfterIssue
        self.firstAfterIssueDeleted = firstAfterIssueDeleted
        self.onlyLiveRow = onlyLiveRow
        self.firstLiveSubmittedAfterIssue = firstLiveSubmittedAfterIssue
    }

    /// The earliest live upload after the issue.
    var liveUploadAfterIssue: Date? {
        firstLiveSubmittedAfterIssue ?? (firstAfterIssueDeleted == false ? firstSubmittedAfterIssue : nil)
    }

    /// The earliest cancellation after the issue, when the first row after the issue is cancelled.
    var cancellationAfterIssue: Date? { firstAfterIssueDeleted == true ? firstSubmittedAfterIssue : nil }

    /// No row with the key.
    public static let absent = SideSummary(total: 0, live: 0)
}
