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

    /// A summary.
    public init(total: Int, live: Int, firstSubmittedAfterIssue: Date? = nil, firstAfterIssueDeleted: Bool? = nil,
                onlyLiveRow: [String?]? = nil) {
        self.total = total
        self.live = live
        self.firstSubmittedAfterIssue = firstSubmittedAfterIssue
        self.firstAfterIssueDeleted = firstAfterIssueDeleted
        self.onlyLiveRow = onlyLiveRow
    }

    /// No row with the key.
    public static let absent = SideSummary(total: 0, live: 0)
}
