import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// `recon.list_item_tallies` (migration 0018), which the progress of lists is read from, always
/// holds the counts of `recon.list_items` itself: after items are issued, tracked (re-uploaded on
/// time or late, resolved), deleted with their list — and it cannot be bypassed by TRUNCATE.
@Suite("Progress tallies kept by the database")
struct ListProgressTallyTests {
    /// Lists whose tallies differ from a count of their items (empty when all agree).
    func disagreements(_ db: Connection) throws -> [String] {
        try db.execute("""
            WITH counted AS (
                SELECT list_id, resolved, reuploaded_at IS NOT NULL AS reuploaded,
                       CASE WHEN on_time IS NULL THEN 0 WHEN on_time THEN 1 ELSE 2 END AS on_time, count(*) AS n
                FROM recon.list_items GROUP BY 1, 2, 3, 4),
            tallied AS (SELECT list_id, resolved, reuploaded, on_time, items AS n FROM recon.list_item_tallies WHERE items > 0)
            SELECT coalesce(c.list_id, t.list_id) || ':' || coalesce(c.n, 0) || '≠' || coalesce(t.n, 0) AS d
            FROM counted c FULL JOIN tallied t USING (list_id, resolved, reuploaded, on_time)
            WHERE c.n IS DISTINCT FROM t.n
            """).rows.map { try $0.string("d") }
    }

    @Test func talliesFollowEveryChangeOfTheItems() throws {
        let fixture = try PortalFixture("ptally", henanItems: 6)
        let db = fixture.results
        #expect(try disagreements(db).isEmpty)
        let lists = try ListStore(connection: db).lists()
        #expect(try db.execute("SELECT sum(items) AS n FROM recon.list_item_tallies").singleRow().int("n") == 8)

        // Tracking: on time, late, resolved; then a later pass touching only checked_at.
        try db.execute("""
            UPDATE recon.list_items SET reuploaded_at = '2025-10-09 10:00+08', reupload_kind = 'reupload', on_time = true,
                   resolved = (item_no = 1), resolved_at = CASE WHEN item_no = 1 THEN '2025-10-09 11:00+08'::timestamptz END
            WHERE list_id = $1 AND item_no IN (1, 2)
            """, [String(fixture.henanList)])
        try db.execute("""
            UPDATE recon.list_items SET reuploaded_at = '2025-10-16 10:00+08', reupload_kind = 'reupload', on_time = false
            WHERE list_id = $1 AND item_no = 3
            """, [String(fixture.henanList)])
        try db.execute("UPDATE recon.list_items SET resolved = true, resolved_at = now() WHERE list_id = $1 AND item_no = 4",
                       [String(fixture.henanList)])
        try db.execute("UPDATE recon.list_items SET checked_at = now()")
        #expect(try disagreements(db).isEmpty)

        // The progress read from the tallies is what counting the items says.
        let now = try at("2025-10-20T09:00:00+08:00")
        let (rows, states) = try ListProgressQuery(connection: db).rowsAndStates(lists, now: now)
        let henan = try #require(rows.first { $0.listID == fixture.henanList })
        #expect((henan.items, henan.onTime, henan.late, henan.outstanding, henan.resolved) == (6, 2, 1, 3, 2))
        #expect(states == (try ListStateCounts.read(lists, now: now, on: db)))
        #expect(states[fixture.henanList]?[.consistent] == 2 && states[fixture.henanList]?[.overdue] == 2)

        // A rolled-back change leaves the tallies as they were.
        try db.execute("BEGIN")
        try db.execute("UPDATE recon.list_items SET resolved = true WHERE list_id = $1", [String(fixture.henanList)])
        try db.execute("ROLLBACK")
        #expect(try disagreements(db).isEmpty)

        // Deleting a list takes its tallies with it; TRUNCATE, which would bypass them, is refused.
        try db.execute("DELETE FROM recon.lists WHERE id = $1", [String(fixture.hubeiList)])
        #expect(try disagreements(db).isEmpty)
        #expect(try db.execute("SELECT count(*) AS n FROM recon.list_item_tallies WHERE list_id = $1",
                               [String(fixture.hubeiList)]).singleRow().int("n") == 0)
        #expect(throws: (any Error).self) { try db.execute("TRUNCATE recon.list_items") }
        #expect(try db.execute("SELECT count(*) AS n FROM recon.list_items").singleRow().int("n") == 6)

        // A list issued later is tallied as its items are inserted.
        try db.execute("INSERT INTO recon.provinces (code, name) VALUES ('430000', '湖南省')")
        let third = try PortalFixture.issue(db, province: "430000", items: 5)
        #expect(try disagreements(db).isEmpty)
        let (later, _) = try ListProgressQuery(connection: db).rowsAndStates(try ListStore(connection: db).lists(), now: now)
        #expect(later.first { $0.listID == third }?.items == 5)
    }

    @Test func aListWithoutItemsHasNoStates() throws {
        let fixture = try PortalFixture("ptallyempty", henanItems: 0)
        let lists = try ListStore(connection: fixture.results).lists()
        let (rows, states) = try ListProgressQuery(connection: fixture.results).rowsAndStates(lists, now: try at(PortalFixture.now))
        #expect(rows.first { $0.listID == fixture.henanList }?.items == 0)
        #expect(states[fixture.henanList] == nil && states[fixture.hubeiList]?.items == 2)
    }
}
