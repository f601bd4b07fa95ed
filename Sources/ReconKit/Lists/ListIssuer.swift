import Foundation
import PostgresClient
import ReconRules

/// Issues a rectification list (整改清单) from a completed run: one item per differing key.
///
/// Indicator 11 (对账整改率): "收到对账差异数据整改清单后，在5个工作日内上传更新数据记录…". docs/rules.md
/// *11*: "the list's issue counts as its receipt; day 1 is the first working day after the issue
/// day; the deadline is the end (24:00 Beijing) of the 5th working day."
///
/// - One list per run (`recon.lists.run_id` is UNIQUE): issuing a run again returns the list it
///   already has. Concurrent issuers of one run are serialised by a row lock on the run.
/// - The list of an official run is the quarter's official list (正式), of the run's official
///   quarter and window; every other list is a self-check (自查). The database allows one official
///   list per province, quarter and window, and only of an official run (docs/rules.md,
///   "Official list").
/// - Everything happens in one transaction; the items are copied by the server
///   (`INSERT … SELECT` from `recon.differences`), never through the client, so that a list of
///   millions of items costs no client memory.
/// - 序号 (`item_no`) numbers the items 1…n in the run's record-set order, then key order within
///   each set (the diff's `seq`), the two items of a suspected same record side by side.
public struct ListIssuer {
    let connection: Connection

    /// An issuer writing to a migrated results database.
    public init(connection: Connection) { self.connection = connection }

    /// What `issue` did.
    public struct Outcome: Sendable {
        /// The list (new, or the one the run already had).
        public let list: RectificationList
        /// True when this call created the list; false when the run already had one.
        public let created: Bool
    }

    /// Issues the list of completed run `runID`, or returns the one it already has.
    ///
    /// - Parameters:
    ///   - official: refuse (``ListError/notOfficialRun``) unless the run is its quarter's official
    ///     run. The list of an official run is official whatever this says.
    ///   - issuedAt: the issue instant; now when nil (tests and demos pass one).
    ///   - assumeOrdinaryWeekends: explicit opt-in to compute a deadline that reaches into a year
    ///     without a loaded State Council notice, as ordinary Monday–Friday weeks; the list then
    ///     records `assumed_weekends`. Without it such a deadline is refused
    ///     (docs/rules.md *Working days*: "never a silent guess").
    public func issue(runID: Int64, official: Bool = false, issuedAt: Date? = nil,
                      assumeOrdinaryWeekends: Bool = false) throws -> Outcome {
        let store = ListStore(connection: connection)
        return try connection.transaction { db in
            let run = try lockCompletedRun(runID, on: db)
            if official, run.official == nil {
                throw ListError.notOfficialRun(runID: runID, reason: try Self.selfCheckReason(run: run, on: db))
            }
            if let existing = try store.list(runID: runID) {
                return Outcome(list: existing, created: false)
            }

            let issued = issuedAt ?? Date()
            // A list cannot be received before the differences exist: an earlier issue time would
            // count uploads made before the list as re-uploads (indicator 11).
            guard issued >= run.finishedAt else {
                throw ListError.issuedBeforeRun(runID: runID, issuedAt: BeijingTimeFormat.human(issued), finishedAt: BeijingTimeFormat.human(run.finishedAt))
            }
            let calendar = try CalendarStore(connection: db).calendar(assumeOrdinaryWeekends: assumeOrdinaryWeekends)
            let deadline: RectificationDeadline
            do {
                deadline = try calendar.rectificationDeadline(issuedAt: issued)
            } catch let error as WorkdayCalendarError {
                throw ListError.deadlineNeedsUnknownYear(runID: runID, issuedAt: BeijingTimeFormat.human(issued),
                                                         calendarMessage: error.description)
            }
            // An official list belongs to its run's official quarter; a self-check to the quarter
            // in which its run finished (Beijing time).
            let quarter = run.official?.quarter ?? Quarter(containing: BeijingTime.civilDate(of: run.finishedAt))

            let inserted = try db.execute("""
                INSERT INTO recon.lists (run_id, province_code, quarter, official, official_window, issued_at, deadline,
                                         calendar_version, assumed_weekends, item_count)
                VALUES ($1, $2, $3, $4, $10, $5::timestamptz, $6::timestamptz, $7, $8, $9)
                ON CONFLICT (run_id) DO NOTHING
                RETURNING id
                """, [String(runID), run.provinceCode, quarter.description, run.official == nil ? "false" : "true",
                      BeijingTimeFormat.sql(issued), BeijingTimeFormat.sql(deadline.end), calendar.versionHash,
                      deadline.usedOrdinaryWeekendAssumption ? "true" : "false", String(run.storedDifferences),
                      run.official?.kind.rawValue])
            guard let idText = inserted.rows.first?[0], let listID = Int64(idText) else {
                // Only reachable if the run row lock was bypassed; the list exists, return it.
                guard let existing = try store.list(runID: runID) else { throw ListError.runNotFound(runID: runID) }
                return Outcome(list: existing, created: false)
            }

            // 序号: record-set order, then key order, except that the two items of a suspected
            // same record (疑似同一记录) stand together, the later one right after the earlier.
            let items = try db.execute("""
                WITH numbered AS (
                    SELECT d.*, (row_number() OVER (ORDER BY array_position(r.record_sets, d.record_set) NULLS LAST,
                                                             d.record_set COLLATE "C", least(d.seq, coalesce(d.suspect_seq, d.seq)),
                                                             d.seq))::integer AS item_no
                    FROM recon.differences d
                    JOIN recon.runs r ON r.id = d.run_id
                    WHERE d.run_id = $2
                )
                INSERT INTO recon.list_items (list_id, item_no, record_set, key_text, key_values, category,
                                              ministry_count, province_count, fields, rows, rows_total,
                                              suspect_item_no, suspect_hint)
                SELECT $1, n.item_no, n.record_set, n.key_text, n.key_values, n.category, n.ministry_count, n.province_count,
                       n.fields, n.rows, n.rows_total, s.item_no, CASE WHEN s.item_no IS NOT NULL THEN n.suspect_hint END
                FROM numbered n
                LEFT JOIN numbered s ON s.record_set = n.record_set AND s.seq = n.suspect_seq
                """, [String(listID), String(runID)])
            guard Int64(items.affectedRows) == run.storedDifferences else {
                throw ListError.runInconsistent(runID: runID, recorded: run.storedDifferences, stored: Int64(items.affectedRows))
            }
            return Outcome(list: try store.list(id: listID), created: true)
        }
    }

    /// The facts of a run needed to issue its list.
    struct CompletedRun {
        let provinceCode: String
        let finishedAt: Date
        let storedDifferences: Int64
        /// Its official quarter and window; nil for a self-check.
        let official: (quarter: Quarter, kind: OfficialWindowKind)?
    }

    /// Why a run is not official, for the refusal of `--official`.
    static func selfCheckReason(run: CompletedRun, on db: Connection) throws -> String {
        let quarter = Quarter(containing: BeijingTime.civilDate(of: run.finishedAt))
        let others = try db.execute("""
            SELECT id FROM recon.runs WHERE province_code = $1 AND official_quarter = $2 ORDER BY id LIMIT 1
            """, [run.provinceCode, quarter.description]).rows
        if let other = others.first?[0] {
            return "run \(other) is the official run of \(quarter) for province \(run.provinceCode); this run (finished \(BeijingTimeFormat.human(run.finishedAt))) is a self-check (自查)"
        }
        return "it finished \(BeijingTimeFormat.human(run.finishedAt)), not inside \(quarter)'s window as the first complete run (or it covers only some record sets): a self-check (自查)"
    }

    /// Locks the run's row (serialising issuers of the same run) and checks it is completed and
    /// consistent: its recorded count of differing keys equals the rows stored for it.
    func lockCompletedRun(_ runID: Int64, on db: Connection) throws -> CompletedRun {
        let rows = try db.execute("""
            SELECT r.province_code, r.status, \(ListTime.microsSQL("r.finished_at")) AS finished_us, r.differing_keys,
                   r.official_quarter, r.official_window,
                   (SELECT count(*) FROM recon.differences d WHERE d.run_id = r.id) AS stored
            FROM recon.runs r WHERE r.id = $1
            FOR UPDATE OF r
            """, [String(runID)]).rows
        guard let row = rows.first else { throw ListError.runNotFound(runID: runID) }
        let status = try row.string("status")
        guard status == "completed" else { throw ListError.runNotCompleted(runID: runID, status: status) }
        guard let finished = row["finished_us"] else { throw ListError.malformed(what: "finished_at of completed run \(runID)", value: "NULL") }
        let storedText = try row.string("stored")
        guard let stored = Int64(storedText) else { throw ListError.malformed(what: "difference count", value: storedText) }
        if let recordedText = row["differing_keys"] {
            guard let recorded = Int64(recordedText) else { throw ListError.malformed(what: "runs.differing_keys", value: recordedText) }
            guard recorded == stored else { throw ListError.runInconsistent(runID: runID, recorded: recorded, stored: stored) }
        }
        var official: (quarter: Quarter, kind: OfficialWindowKind)? = nil
        if let quarterText = row["official_quarter"], let kindText = row["official_window"] {
            guard let quarter = try? Quarter.parse(quarterText), let kind = OfficialWindowKind(rawValue: kindText) else {
                throw ListError.malformed(what: "official quarter of run \(runID)", value: "\(quarterText) \(kindText)")
            }
            official = (quarter, kind)
        }
        return CompletedRun(provinceCode: try row.string("province_code"),
                            finishedAt: try ListTime.instant(micros: finished, what: "finished_at"),
                            storedDifferences: stored, official: official)
    }
}
