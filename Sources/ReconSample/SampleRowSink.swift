/// Where the planter puts the rows of one province's record set: the ministry's table (with the
/// submission time and the deleted flag) and the province's table.
import ReconRules
import ReconKit

protocol SampleRowSink {
    /// A ministry row of the province; `submittedAt` is seconds since 1970-01-01T00:00:00Z.
    mutating func ministry(_ row: SampleRow, submittedAt: Int64, deleted: Bool) throws
    /// A province row.
    mutating func province(_ row: SampleRow) throws
}

/// A sink that keeps every row in memory as strings (tests, small data).
struct MemoryRowSink: SampleRowSink {
    /// A ministry row as written.
    struct MinistryRow: Hashable, Sendable {
        var values: [String?]
        var submittedAt: Int64
        var deleted: Bool
    }

    var ministryRows: [MinistryRow] = []
    var provinceRows: [[String?]] = []

    mutating func ministry(_ row: SampleRow, submittedAt: Int64, deleted: Bool) throws {
        ministryRows.append(MinistryRow(values: row.strings, submittedAt: submittedAt, deleted: deleted))
    }

    mutating func province(_ row: SampleRow) throws {
        provinceRows.append(row.strings)
    }
}
