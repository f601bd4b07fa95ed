import Foundation
import ReconKit
import ReconRules

/// What the portal needs: the results database, the configured record sets (labels of exported
/// lists, as `recon lists export` uses) and a clock.
public struct PortalSettings: Sendable {
    /// The results database.
    public var database: PortalDatabase
    /// The configured record sets.
    public var recordSets: [RecordSetSpec]
    /// The time of a request (tests pass a fixed one).
    public var now: @Sendable () -> Date

    /// Settings.
    public init(database: PortalDatabase, recordSets: [RecordSetSpec] = RecordSetSpec.reference,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.recordSets = recordSets
        self.now = now
    }
}
