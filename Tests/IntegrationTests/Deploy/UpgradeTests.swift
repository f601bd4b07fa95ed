import Foundation
import PostgresClient
@testable import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// issue 24 item 7: a results database left at every earlier migration, with data written while each
/// table was current (runs, differences, lists and items, downloads, score versions, tokens,
/// publications, sessions, passes), migrates to head and keeps its data and its invariants.
@Suite("deploy: upgrades from every earlier migration", .serialized)
struct UpgradeTests {
    /// A portal token seeded as of 0006 (its hash is stored; the text is known to the test).
    static let token = "rcn_" + String(repeating: "ab", count: 32)

    /// Data written right after migration `version` was applied, with the columns of that version.
    static let seeds: [Int: String] = [
        1: """
            INSERT INTO recon.provinces (code, name) VALUES ('410000', '河南省'), ('420000', '湖北省');
            INSERT INTO recon.runs (id, province_code, status, started_at, finished_at, record_sets, host, pid) VALUES
              (1, '410000', 'completed', '2026-07-02 09:00+08', '2026-07-02 09:10+08', '{operators,vehicles}', 'h', 1),
              (2, '410000', 'completed', '2026-07-03 09:00+08', '2026-07-03 09:10+08', '{operators,vehicles}', 'h', 2),
              (3, '420000', 'failed',    '2026-07-02 09:00+08', '2026-07-02 09:01+08', '{operators,vehicles}', 'h', 3);
            SELECT setval('recon.runs_id_seq', 3);
            """,
        3: """
            UPDATE recon.runs SET union_keys = 100, differing_keys = 2, config_hash = 'x' WHERE status = 'completed';
            INSERT INTO recon.run_sets VALUES (1, 'vehicles', '营运车辆', 100, 99, 100, 2, 1, 0, 1, 0, 0, 1.5);
            INSERT INTO recon.differences (run_id, record_set, seq, key_text, key_values, category, ministry_count, province_count, fields) VALUES
              (1, 'vehicles', 1, '豫A00001 / 2', '{"plate_number": "豫A00001", "plate_colour": "2"}', 'ministry_only', 1, 0, '[]'),
              (1, 'vehicles', 2, '豫A00002 / 2', '{"plate_number": "豫A00002", "plate_colour": "2"}', 'field_mismatch', 1, 1,
               '[{"column": "vin", "label": "车辆识别代号", "ministry": "A", "province": "B"}]');
            """,
        4: """
            INSERT INTO recon.lists (id, run_id, province_code, quarter, official, issued_at, deadline, calendar_version, item_count) VALUES
              (1, 1, '410000', '2026Q3', true, '2026-07-02 09:10+08', '2026-07-10 00:00+08', 'v1', 2),
              (2, 2, '410000', '2026Q3', true, '2026-07-03 09:10+08', '2026-07-11 00:00+08', 'v1', 0);
            SELECT setval('recon.lists_id_seq', 2);
            INSERT INTO recon.list_items (list_id, item_no, record_set, key_text, key_values, category, ministry_count, province_count, fields,
                                          reuploaded_at, reupload_kind, on_time) VALUES
              (1, 1, 'vehicles', '豫A00001 / 2', '{"plate_number": "豫A00001", "plate_colour": "2"}', 'ministry_only', 1, 0, '[]',
               '2026-07-06 10:00+08', 'deleted', true),
              (1, 2, 'vehicles', '豫A00002 / 2', '{"plate_number": "豫A00002", "plate_colour": "2"}', 'field_mismatch', 1, 1,
               '[{"column": "vin", "label": "车辆识别代号", "ministry": "A", "province": null}]', NULL, NULL, NULL);
            INSERT INTO recon.list_downloads (list_id, downloaded_at, who, format) VALUES (1, '2026-07-02 10:00+08', '河南省运政', 'csv');
            """,
        5: """
            INSERT INTO recon.scorings (id, quarter, policy, computed_at, calendar_version, results_due, notice_ends) VALUES
              (1, '2026Q2', 'jtys-2022-1599', '2026-07-14 07:00+08', 'v1', '2026-07-14', '2026-07-21');
            SELECT setval('recon.scorings_id_seq', 1);
            INSERT INTO recon.scores VALUES
              (1, '410000', 10, 2, 100, 480, 'rate', '差异率 2%', 1, NULL),
              (1, '410000', 11, 1, 2, 250, 'rate', '整改率 50%', 1, 1),
              (1, '410000', 12, 95, 100, 475, 'rate', '归集率 95%', NULL, NULL),
              (1, '420000', 10, NULL, NULL, 0, 'no_official_run', '未在每季度第一周完成数据对账', NULL, NULL);
            """,
        6: """
            INSERT INTO recon.portal_tokens (id, token_hash, province_code, name, created_at)
              VALUES (1, sha256(convert_to('\(token)', 'UTF8')), '410000', '河南省运政', '2026-07-01 08:00+08');
            SELECT setval('recon.portal_tokens_id_seq', 1);
            """,
        7: """
            INSERT INTO recon.publications (id, quarter, scoring_id, published_at, published_by, kind) VALUES
              (1, '2026Q2', 1, '2026-07-22 07:00+08', 'recon due', 'publication');
            SELECT setval('recon.publications_id_seq', 1);
            INSERT INTO recon.publication_ranks VALUES (1, '410000', 1, 1205), (1, '420000', 2, 0);
            """,
        9: """
            INSERT INTO recon.portal_sessions (session_hash, token_id, created_at, last_seen_at, expires_at, idle_seconds)
              VALUES (sha256('s'::bytea), 1, '2026-07-02 10:00+08', '2026-07-02 10:05+08', '2026-07-02 18:00+08', 1800);
            """,
        14: """
            INSERT INTO recon.due_passes (host, pid, plan_date, pass_at, pretended, started_at, finished_at, exit_code, step_counts)
              VALUES ('h', 1, '2026-07-02', '2026-07-02 06:30+08', false, '2026-07-02 06:30+08', '2026-07-02 06:40+08', 0, '{"reconcile": {"done": 1}}');
            """,
    ]

    @Test func everyEarlierMigrationWithDataMigratesToHead() throws {
        let all = Migration.bundled
        for stop in 0..<(all.count - 1) {
            let database = try TestDatabase("upgrade")
            let connection = try database.connect()
            // The database as it was at migration all[stop], written to as each table appeared.
            for index in 0...stop {
                try Migrator(connection: connection, migrations: Array(all.prefix(index + 1))).apply()
                if let seed = Self.seeds[all[index].version] { try connection.executeSimple(seed) }
            }
            let at = all[stop].version
            let outcome = try Migrator(connection: connection).apply()
            #expect(outcome.applied == all.suffix(from: stop + 1).map(\.version), "from \(at)")
            #expect(try Migrator(connection: connection).recordedVersions() == all.map(\.version))
            try Self.checkInvariants(connection, seededUpTo: at)
        }
    }

    /// What must hold at head for data seeded up to migration `version`.
    static func checkInvariants(_ db: Connection, seededUpTo version: Int) throws {
        func count(_ sql: String) throws -> Int { try db.execute("SELECT count(*) AS n FROM \(sql)").singleRow().int("n") }
        let label = "seeded up to \(version)"
        #expect(try count("recon.provinces") == 2, "\(label)")
        #expect(try count("recon.runs") == 3, "\(label)")
        if version >= 3 {
            #expect(try count("recon.differences") == 2, "\(label)")
            #expect(try count("recon.differences WHERE rows = '[]' AND rows_total = 0") == 2, "\(label): 0008's defaults")
        }
        if version >= 4 {
            // 0007's reading of lists issued before it: the earliest official list's run is the
            // official run; the later list became a self-check.
            let official = try OfficialRun.find(province: "410000", quarter: try Quarter.parse("2026Q3"), on: db)
            #expect(official?.runID == 1, "\(label)")
            #expect(try db.execute("SELECT official FROM recon.lists ORDER BY id").rows.map { try $0.bool("official") } == [true, false], "\(label)")
            #expect(try count("recon.list_items WHERE fields_json IS NOT NULL AND rows_json = '[]'") == 2, "\(label): 0010's columns")
            #expect(try db.execute("SELECT fields_json FROM recon.list_items WHERE item_no = 2").singleRow().string("fields_json")
                    .contains("\"province\"") == false, "\(label): nulls stripped")
            #expect(try count("recon.list_downloads") == 1, "\(label)")
            // The database still refuses a second official run of the province and quarter.
            #expect(throws: PostgresError.self, "\(label)") {
                try db.execute("UPDATE recon.runs SET official_quarter = '2026Q3', official_window = 'reconciliation' WHERE id = 2")
            }
        }
        if version >= 5 {
            #expect(try count("recon.scorings WHERE version = 1 AND kind = 'draft'") == 1, "\(label): 0007's version defaults")
            #expect(try count("recon.scores") == 4, "\(label)")
            #expect(throws: PostgresError.self, "\(label): scores are kept as written") {
                try db.execute("UPDATE recon.scores SET score_hundredths = 500 WHERE province_code = '420000'")
            }
        }
        if version >= 4 {
            // 0016: a quarter run before it keeps the earlier attribution (docs/rules.md, "Which
            // policy serves a quarter"), and the database keeps it.
            let q3 = try QuarterPolicies.stored(try Quarter.parse("2026Q3"), on: db)
            #expect(q3?.name == "jtys-2022-1599-own-quarter" && q3?.fixedBy.contains("0016") == true, "\(label)")
            #expect(throws: PostgresError.self, "\(label): the policy of a quarter with official runs is kept") {
                try db.execute("UPDATE recon.quarter_policies SET policy = 'jtys-2022-1599' WHERE quarter = '2026Q3'")
            }
        }
        if version >= 5 {
            // Scored under jtys-2022-1599 before the month-after reading: its earlier reading's name.
            #expect(try QuarterPolicies.stored(try Quarter.parse("2026Q2"), on: db)?.name == "jtys-2022-1599-own-quarter", "\(label)")
        }
        if version >= 6 {
            // The portal's look-up (PortalTokenStore.caller): the token still works, with no expiry.
            #expect(try count("""
                recon.portal_tokens WHERE token_hash = sha256(convert_to('\(token)', 'UTF8')) AND revoked_at IS NULL
                  AND (expires_at IS NULL OR expires_at > now()) AND province_code = '410000'
                """) == 1, "\(label): the token still works")
        }
        if version >= 7 {
            #expect(try Publication.current(try Quarter.parse("2026Q2"), on: db) != nil, "\(label)")
            #expect(throws: PostgresError.self, "\(label): a publication is never deleted") {
                try db.execute("DELETE FROM recon.publications")
            }
        }
        if version >= 9 { #expect(try count("recon.portal_sessions") == 1, "\(label)") }
        if version >= 14 { #expect(try DuePassStore(connection: db).latest()?.exitCode == 0, "\(label)") }
    }
}
