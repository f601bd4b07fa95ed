import Foundation
import PostgresClient
import ReconRules

/// The run rows of the results database (`recon.runs`, `recon.run_sets`; 0001/0003 migrations).
///
/// A run row is inserted as 'running' in a transaction of its own, together with a session-level
/// advisory lock `recon.run.<id>` held for as long as the run goes on. Its results are written in
/// one other transaction that also marks it 'completed'; a failure marks it 'failed' in a separate
/// statement. A run whose process died keeps 'running' with its lock free:
/// ``reapStaleRuns()`` marks such runs failed.
public struct RunStore {
    /// The results database.
    public let connection: Connection

    /// A store on a results-database connection.
    public init(connection: Connection) {
        self.connection = connection
    }

    /// The advisory lock held while run `id` is going on.
    public static func lockName(_ id: Int64) -> String { "recon.run.\(id)" }

    /// Inserts a 'running' run for a province (adding or renaming the province in
    /// `recon.provinces`) and takes its lock, in one transaction. Returns the run id.
    /// - Parameter startedAt: the instant to record as the start (a drill or demo pretending another
    ///   time); the server's clock when `nil`.
    public func begin(provinceCode: String, provinceName: String, recordSets: [String], configHash: String,
                      startedAt: Date? = nil) throws -> Int64 {
        try connection.transaction { db in
            try ProvinceSync.sync([ProvinceConfig(code: provinceCode, name: provinceName,
                                                  source: DatabaseSource(origin: "run"))], on: db)
            let row = try db.execute("""
                INSERT INTO recon.runs (province_code, status, record_sets, host, pid, config_hash, started_at)
                VALUES ($1, 'running', $2::text[], $3, $4, $5, coalesce($6::timestamptz, now())) RETURNING id
                """, [provinceCode, PostgresArray.text(recordSets), ProcessInfo.processInfo.hostName,
                      String(ProcessInfo.processInfo.processIdentifier), configHash,
                      startedAt.map(BeijingTimeFormat.iso)]).singleRow()
            let id = Int64(try row.int("id"))
            // Session-level: it outlives this transaction and goes with the session.
            try db.execute("SELECT pg_advisory_lock(hashtextextended($1, 0))", [Self.lockName(id)])
            return id
        }
    }

    /// Inserts one record set's counts (inside the results transaction).
    /// `suspectPairingSkippedOver`: the limit the set's one-sided differences exceeded when
    /// 疑似同一记录 pairing was skipped (``SuspectPairingSkip``); nil when pairing was done.
    public func insertRunSet(runID: Int64, recordSet: RecordSetSpec, counts: DiffCounts, milliseconds: Int,
                             suspectPairingSkippedOver: Int? = nil) throws {
        try connection.execute("""
            INSERT INTO recon.run_sets (run_id, record_set, label, ministry_rows, province_rows, union_keys,
                differing_keys, ministry_only, province_only, field_mismatch, duplicate_key, empty_key, seconds,
                suspect_pairing_skipped_over)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::numeric, $14::integer)
            """, [String(runID), recordSet.name, recordSet.label, String(counts.ministryRows), String(counts.provinceRows),
                  String(counts.unionKeys), String(counts.differingKeys), String(counts.ministryOnly),
                  String(counts.provinceOnly), String(counts.fieldMismatch), String(counts.duplicateKey),
                  String(counts.emptyKey), Self.seconds(milliseconds: milliseconds), suspectPairingSkippedOver.map { String($0) }])
    }

    /// Marks the run completed with its totals (inside the results transaction).
    /// - Parameter finishedAt: the instant to record as the end (see `begin`); the server's clock when `nil`.
    public func complete(runID: Int64, totals: DiffCounts, finishedAt: Date? = nil) throws {
        try connection.execute("""
            UPDATE recon.runs SET status = 'completed', finished_at = coalesce($4::timestamptz, clock_timestamp()),
                union_keys = $2, differing_keys = $3, error = NULL
            WHERE id = $1 AND status = 'running'
            """, [String(runID), String(totals.unionKeys), String(totals.differingKeys), finishedAt.map(BeijingTimeFormat.iso)])
    }

    /// Marks the run failed with a message (must hold no secret), in a statement of its own.
    public func markFailed(runID: Int64, message: String) throws {
        try connection.execute("""
            UPDATE recon.runs SET status = 'failed', finished_at = clock_timestamp(), error = $2
            WHERE id = $1 AND status = 'running'
            """, [String(runID), message])
    }

    /// Releases the run's lock (the end of the session releases it too).
    public func release(runID: Int64) {
        _ = try? connection.advisoryUnlock(Self.lockName(runID))
    }

    /// Marks failed every 'running' run whose lock is free: its session ended (killed, crashed,
    /// connection lost) without finishing. Returns the ids marked.
    @discardableResult
    public func reapStaleRuns() throws -> [Int64] {
        let running = try connection.execute("SELECT id FROM recon.runs WHERE status = 'running' ORDER BY id").rows
        var reaped: [Int64] = []
        for row in running {
            let id = Int64(try row.int("id"))
            guard try connection.tryAdvisoryLock(Self.lockName(id)) else { continue }
            defer { _ = try? connection.advisoryUnlock(Self.lockName(id)) }
            let updated = try connection.execute("""
                UPDATE recon.runs SET status = 'failed', finished_at = clock_timestamp(),
                    error = 'interrupted: the session running it ended before it finished (marked failed by a later recon)'
                WHERE id = $1 AND status = 'running'
                """, [String(id)])
            if updated.affectedRows == 1 { reaped.append(id) }
        }
        return reaped
    }

    /// `12345` ms → `"12.345"`.
    static func seconds(milliseconds: Int) -> String {
        let digits = String(milliseconds % 1000)
        return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - digits.count))\(digits)"
    }
}
