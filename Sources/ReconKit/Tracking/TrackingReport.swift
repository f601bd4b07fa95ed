/// What one `recon track` did, per list.
import ReconRules

public struct TrackingReport: Sendable, Equatable {
    /// One list's outcome.
    public struct ListOutcome: Sendable, Equatable {
        /// The list.
        public var listID: Int64
        /// Its province.
        public var provinceCode: String
        /// Open items checked (not re-uploaded, or not resolved).
        public var checked: Int
        /// Items changed by this run (an item both re-uploaded and resolved counts once).
        public var changed: Int
        /// Items whose re-upload (or cancellation) was seen for the first time.
        public var newlyReuploaded: Int
        /// Items seen resolved for the first time.
        public var newlyResolved: Int
        /// Record sets whose items were not checked because they are not configured.
        public var skippedRecordSets: [String]
    }

    /// The lists with open items, by id.
    public var lists: [ListOutcome]

    /// Items changed in total (0 for a second run in a row).
    public var changedItems: Int { lists.reduce(0) { $0 + $1.changed } }

    /// A line per list, e.g. `list 12 (410000): 1520 checked, 300 newly re-uploaded, 280 newly resolved`.
    public var summary: String {
        guard !lists.isEmpty else { return "no open list items" }
        return lists.map { outcome in
            var line = "list \(outcome.listID) (\(outcome.provinceCode)): \(outcome.checked) checked, "
                + "\(outcome.newlyReuploaded) newly re-uploaded, \(outcome.newlyResolved) newly resolved"
            if !outcome.skippedRecordSets.isEmpty {
                line += "; skipped unconfigured record sets: \(outcome.skippedRecordSets.joined(separator: ", "))"
            }
            return line
        }.joined(separator: "\n")
    }
}
