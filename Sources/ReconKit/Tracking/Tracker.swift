import Foundation
import PostgresClient
import ReconRules

/// Tracks the provinces' answers to rectification lists (indicator 11, 对账整改率): for every item
/// not yet re-uploaded or not yet resolved, looks at the ministry's and the province's rows for its
/// key now and records what is new (rules: `TrackingRules`).
///
/// - The keys go to each side in batches: COPYed into a temporary table on the ministry's (and the
///   province's) connection and joined on the normalised key (`TrackingQuery`); the ministry's
///   table is never read beyond the list's province.
/// - Each list is updated in ONE transaction on the results database, under an advisory lock on
///   the list, so that two trackers never interleave.
/// - Idempotent: what was seen is kept (`reuploaded_at`, `resolved`), only what is new is written,
///   and `checked_at` is the time a change was recorded; a second run in a row changes nothing.
/// - `on_time` = `reuploaded_at < deadline` (the list's exclusive deadline end). Overdue is not
///   stored: it is derived from the deadline and the time of the question (`RectificationStatus`).
public struct Tracker {
    let results: Connection
    let ministry: Connection
    let recordSets: [RecordSetSpec]
    let batchSize: Int
    let provinceConnection: (String) throws -> Connection

    /// A tracker.
    /// - Parameters:
    ///   - results: the results database (lists).
    ///   - ministry: the ministry's registry (部级运政系统); needs the right to create temporary tables.
    ///   - recordSets: the configured record sets (keys, fields, normalisers, tables).
    ///   - batchSize: keys per batch (bounds the client's memory; each batch is one join per side).
    ///   - provinceConnection: opens a province's registry (省级运政系统) by province code; called
    ///     once per province and run.
    public init(results: Connection, ministry: Connection, recordSets: [RecordSetSpec] = RecordSetSpec.reference,
                batchSize: Int = 10_000, provinceConnection: @escaping (String) throws -> Connection) {
        self.results = results
        self.ministry = ministry
        self.recordSets = recordSets
        self.batchSize = max(1, batchSize)
        self.provinceConnection = provinceConnection
    }

    /// Checks every list with open items (of one province, or one list, when given).
    /// - Parameter checkTime: now; recorded for resolutions and for rows that vanished.
    public func track(province: String? = nil, listID: Int64? = nil, at checkTime: Date = Date()) throws -> TrackingReport {
        let ids = try results.execute("""
            SELECT l.id FROM recon.lists l
            WHERE ($1::text IS NULL OR l.province_code = $1) AND ($2::bigint IS NULL OR l.id = $2)
              AND EXISTS (SELECT 1 FROM recon.list_items i
                          WHERE i.list_id = l.id AND (i.reuploaded_at IS NULL OR i.updated_at IS NULL OR NOT i.resolved))
            ORDER BY l.id
            """, [province, listID.map(String.init)]).rows.map { try $0.string("id") }
        let store = ListStore(connection: results)
        var provinces: [String: Connection] = [:]
        var outcomes: [TrackingReport.ListOutcome] = []
        for idText in ids {
            guard let id = Int64(idText) else { throw ListError.malformed(what: "list id", value: idText) }
            let list = try store.list(id: id)
            let provinceDB: Connection
            if let open = provinces[list.provinceCode] {
                provinceDB = open
            } else {
                provinceDB = try provinceConnection(list.provinceCode)
                provinces[list.provinceCode] = provinceDB
            }
            outcomes.append(try track(list, provinceDB: provinceDB, checkTime: checkTime))
        }
        return TrackingReport(lists: outcomes)
    }

    /// Tracks one list in one transaction.
    func track(_ list: RectificationList, provinceDB: Connection, checkTime: Date) throws -> TrackingReport.ListOutcome {
        try results.transaction { db in
            try db.execute("SELECT pg_advisory_xact_lock(hashtextextended('recon.track', $1))", [String(list.id)])
            try db.executeSimple("""
                CREATE TEMPORARY TABLE recon_track_updates (
                    item_no integer PRIMARY KEY, reuploaded_at timestamptz, kind text, resolved_at timestamptz, updated_at timestamptz
                ) ON COMMIT DROP
                """)
            let sets = try db.execute("""
                SELECT DISTINCT record_set FROM recon.list_items
                WHERE list_id = $1 AND (reuploaded_at IS NULL OR updated_at IS NULL OR NOT resolved) ORDER BY record_set
                """, [String(list.id)]).rows.map { try $0.string("record_set") }
            var outcome = TrackingReport.ListOutcome(listID: list.id, provinceCode: list.provinceCode, checked: 0,
                                                     changed: 0, newlyReuploaded: 0, newlyResolved: 0, skippedRecordSets: [])
            for name in sets {
                guard let spec = recordSets.first(where: { $0.name == name }) else {
                    outcome.skippedRecordSets.append(name)
                    continue
                }
                try track(list, spec: spec, provinceDB: provinceDB, checkTime: checkTime, db: db, outcome: &outcome)
            }
            try db.execute("""
                UPDATE recon.list_items i SET
                    reuploaded_at = coalesce(i.reuploaded_at, u.reuploaded_at),
                    reupload_kind = CASE WHEN i.reuploaded_at IS NULL AND u.reuploaded_at IS NOT NULL THEN u.kind ELSE i.reupload_kind END,
                    on_time = CASE WHEN i.reuploaded_at IS NULL AND u.reuploaded_at IS NOT NULL
                                   THEN u.reuploaded_at < l.deadline ELSE i.on_time END,
                    resolved = i.resolved OR u.resolved_at IS NOT NULL,
                    resolved_at = CASE WHEN NOT i.resolved AND u.resolved_at IS NOT NULL THEN u.resolved_at ELSE i.resolved_at END,
                    updated_at = coalesce(i.updated_at, u.updated_at),
                    updated_on_time = CASE WHEN i.updated_at IS NULL AND u.updated_at IS NOT NULL
                                           THEN u.updated_at < l.deadline ELSE i.updated_on_time END,
                    checked_at = $2::timestamptz
                FROM recon_track_updates u, recon.lists l
                WHERE i.list_id = $1 AND l.id = i.list_id AND u.item_no = i.item_no
                  AND ((i.reuploaded_at IS NULL AND u.reuploaded_at IS NOT NULL) OR (NOT i.resolved AND u.resolved_at IS NOT NULL)
                       OR (i.updated_at IS NULL AND u.updated_at IS NOT NULL))
                """, [String(list.id), BeijingTimeFormat.sql(checkTime)])
            return outcome
        }
    }

    /// Tracks the open items of one record set of a list, batch by batch.
    func track(_ list: RectificationList, spec: RecordSetSpec, provinceDB: Connection, checkTime: Date, db: Connection,
               outcome: inout TrackingReport.ListOutcome) throws {
        let query = TrackingQuery(spec)
        let ministrySQL = try query.ministrySummary()
        let provinceSQL = try query.provinceSummary()
        try ministry.execute(query.createKeysTable)
        try provinceDB.execute(query.createKeysTable)
        var after = 0
        while true {
            let items = try openItems(list.id, spec: spec, after: after, db: db)
            guard let last = items.last else { break }
            let ministrySide = try summaries(items, query: query, sql: ministrySQL,
                                             parameters: [list.provinceCode, BeijingTimeFormat.sql(list.issuedAt)], on: ministry)
            let provinceSide = try summaries(items, query: query, sql: provinceSQL, parameters: [], on: provinceDB)
            var updates: [ItemUpdate] = []
            for (index, item) in items.enumerated() {
                if let update = TrackingRules.evaluate(item: item, ministry: ministrySide[index] ?? .absent,
                                                       province: provinceSide[index] ?? .absent, issuedAt: list.issuedAt,
                                                       checkTime: checkTime, fields: spec.fields) {
                    updates.append(update)
                }
            }
            if !updates.isEmpty {
                try db.copyIn("COPY recon_track_updates (item_no, reuploaded_at, kind, resolved_at, updated_at) FROM STDIN") { writer in
                    for update in updates {
                        try writer.writeRow([String(update.itemNo), update.reuploadedAt.map(BeijingTimeFormat.sql),
                                             update.kind?.rawValue, update.resolvedAt.map(BeijingTimeFormat.sql),
                                             update.updatedAt.map(BeijingTimeFormat.sql)])
                    }
                }
            }
            outcome.checked += items.count
            outcome.changed += updates.count
            outcome.newlyReuploaded += updates.filter { $0.reuploadedAt != nil }.count
            outcome.newlyResolved += updates.filter { $0.resolvedAt != nil }.count
            after = last.itemNo
        }
    }

    /// The next batch of open items of a record set after 序号 `after`, in 序号 order (the key
    /// order of the set).
    func openItems(_ listID: Int64, spec: RecordSetSpec, after: Int, db: Connection) throws -> [TrackedItem] {
        let keyColumns = spec.key.enumerated()
            .map { "i.key_values ->> \(SQLText.literal($0.element.column)) AS k\($0.offset)" }.joined(separator: ", ")
        let rows = try db.execute("""
            SELECT i.item_no, i.category, i.ministry_count, \(keyColumns),
                   \(ListTime.microsSQL("i.reuploaded_at")) AS reuploaded_us, i.resolved,
                   \(ListTime.microsSQL("i.updated_at")) AS updated_us,
                   CASE WHEN i.category = 'field_mismatch' THEN
                        (SELECT jsonb_object_agg(f->>'column', f->'ministry') FROM jsonb_array_elements(i.fields) f)::text END AS reconciled,
                   i.key_values ?& \(SQLText.literal(PostgresArray.text(spec.key.map(\.column))))::text[] AS has_keys,
                   i.key_values::text AS key_json
            FROM recon.list_items i
            WHERE i.list_id = $1 AND i.record_set = $2 AND i.item_no > $3
              AND (i.reuploaded_at IS NULL OR i.updated_at IS NULL OR NOT i.resolved)
            ORDER BY i.item_no LIMIT $4
            """, [String(listID), spec.name, String(after), String(batchSize)]).rows
        return try rows.map { row in
            // A key column missing from key_values would read as an empty key and find the wrong rows.
            guard try row.bool("has_keys") else {
                throw ListError.keyMismatch(listID: listID, itemNo: try row.int("item_no"), recordSet: spec.name,
                                            keyColumns: spec.key.map(\.column), keyValues: try row.string("key_json"))
            }
            let categoryText = try row.string("category")
            guard let category = DiffCategory(rawValue: categoryText) else {
                throw ListError.malformed(what: "list item category", value: categoryText)
            }
            return TrackedItem(itemNo: try row.int("item_no"), category: category,
                        ministryCount: try row.int("ministry_count"),
                        key: spec.key.indices.map { row["k\($0)"] },
                        reuploadedAt: try ListTime.optionalInstant(micros: row["reuploaded_us"], what: "reuploaded_at"),
                        resolved: try row.bool("resolved"),
                        updatedAt: try ListTime.optionalInstant(micros: row["updated_us"], what: "updated_at"),
                        reconciledMinistry: try row["reconciled"].map { try JSONText.optionalStringMap($0, what: "list item fields") } ?? [:])
        }
    }

    /// One side's summaries of a batch's keys, by position in the batch.
    func summaries(_ items: [TrackedItem], query: TrackingQuery, sql: String, parameters: [String?],
                   on side: Connection) throws -> [Int: SideSummary] {
        try side.executeSimple("TRUNCATE \(query.keysTable)")
        try side.copyIn(query.copyKeys) { writer in
            for (index, item) in items.enumerated() {
                try writer.writeRow([String(index)] + item.key.map { $0 ?? "" })
            }
        }
        try side.executeSimple("ANALYZE \(query.keysTable)")
        var result: [Int: SideSummary] = [:]
        for row in try side.execute(sql, parameters).rows {
            let deleted = row["first_after_deleted"]
            result[try row.int("n")] = SideSummary(
                total: try row.int("total"), live: try row.int("live"),
                firstSubmittedAfterIssue: try ListTime.optionalInstant(micros: row["first_after_us"], what: "submitted_at"),
                firstAfterIssueDeleted: deleted.map { $0 == "t" || $0 == "true" },
                onlyLiveRow: try row["only_live"].map { try JSONText.optionalStrings($0, what: "\(query.recordSet.name) row") },
                firstLiveSubmittedAfterIssue: try ListTime.optionalInstant(micros: row["first_live_after_us"], what: "submitted_at"))
        }
        return result
    }
}
