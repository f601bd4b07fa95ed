import Foundation
import ReconRules
import ReconKit

/// A ministry row of generated data, in memory.
public struct SampleMinistryRow: Sendable, Hashable {
    /// The record set's column values, in column order (nil = NULL).
    public var values: [String?]
    /// The submission time (报送时间), seconds since 1970-01-01T00:00:00Z.
    public var submittedAtSeconds: Int64
    /// Whether the row is marked deleted.
    public var deleted: Bool

    /// The submission time as an instant.
    public var submittedAt: Date { Date(timeIntervalSince1970: TimeInterval(submittedAtSeconds)) }
}

/// One province's generated rows of one record set, in memory, with what was planted in them.
public struct SampleRecordRows: Sendable {
    /// The record set.
    public var recordSet: String
    /// The columns (keys first), as in ``RecordSetSpec/allColumns``.
    public var columns: [String]
    /// The number of key columns.
    public var keyColumnCount: Int
    /// The ministry's rows of the province (live and deleted), in generation order.
    public var ministry: [SampleMinistryRow]
    /// The province's rows, in generation order.
    public var province: [[String?]]
    /// The keys that must be reported.
    public var differences: [PlantedDifference]
    /// The figures.
    public var summary: PlantedSetSummary
}

/// One province's generated business records, in memory.
public struct SampleBusinessRows: Sendable {
    /// A record: serial number, item type, channel, subject key and times (seconds since 1970).
    public struct Record: Sendable, Hashable {
        /// 业务流水号: province code, completion date `YYYYMMDD`, 8-digit number.
        public var serial: String
        /// 业务事项, e.g. `道路运输证年审`.
        public var itemType: String
        /// `online` (线上) or `offline` (线下).
        public var channel: String
        /// The subject's key (licence number, certificate number or plate); nil without rows.
        public var subjectKey: String?
        /// 办结时间, seconds since 1970.
        public var completedAtSeconds: Int64
        /// 报送时间 at the ministry; for a platform record, when it reached the platform.
        public var timeSeconds: Int64
    }

    /// The ministry's records (time = submission time).
    public var ministry: [Record]
    /// The platform's records (time = reception time).
    public var platform: [Record]
    /// The figures.
    public var summary: PlantedBusinessSummary
}
