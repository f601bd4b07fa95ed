import PostgresClient
import ReconRules

/// A record set of a run whose suspected same records (疑似同一记录) were not paired because it had
/// more one-sided differences than the pairing's limit (``SuspectPairing/defaultCandidateLimit``):
/// stored in `recon.run_sets.suspect_pairing_skipped_over` (0017_pairing_skipped.sql) and shown by
/// `recon diff show`, the list's 汇总 sheet and the portal's list page (docs/rules.md, "疑似同一记录").
public struct SuspectPairingSkip: Sendable, Hashable {
    /// The record set's name.
    public var recordSet: String
    /// Its 中文名.
    public var label: String
    /// The limit its one-sided differences exceeded.
    public var limit: Int

    /// A skip.
    public init(recordSet: String, label: String, limit: Int) {
        self.recordSet = recordSet
        self.label = label
        self.limit = limit
    }

    /// The short Chinese line shown wherever the run's differences are.
    public var line: String {
        "\(label)：单边差异（部有省无、省有部无）超过 \(DiffProgress.grouped(limit)) 条，未做疑似同一记录配对；差异计数不受影响。"
    }

    /// The skipped record sets of run `runID`, in the run's order.
    public static func read(runID: Int64, on connection: Connection) throws -> [SuspectPairingSkip] {
        try connection.execute("""
            SELECT s.record_set, s.label, s.suspect_pairing_skipped_over AS over
            FROM recon.run_sets s JOIN recon.runs r ON r.id = s.run_id
            WHERE s.run_id = $1 AND s.suspect_pairing_skipped_over IS NOT NULL
            ORDER BY array_position(r.record_sets, s.record_set), s.record_set
            """, [String(runID)]).rows.map {
            SuspectPairingSkip(recordSet: try $0.string("record_set"), label: try $0.string("label"), limit: try $0.int("over"))
        }
    }
}
