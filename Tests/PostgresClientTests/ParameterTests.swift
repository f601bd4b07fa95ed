import PostgresClient
import ReconTestSupport
import Testing

@Suite("Parameters and results")
struct ParameterTests {
    @Test("values round-trip through parameters", arguments: [
        "", "plain", "河南省郑州市金水区", "tab\there", "line\nbreak", "back\\slash", "\\N", "quote'\"", "  spaced  ",
    ])
    func roundTrip(_ value: String) throws {
        let db = try TestDatabase("params")
        let connection = try db.connect()
        let row = try connection.execute("SELECT $1::text AS v, $1::text IS NULL AS isnull", [value]).singleRow()
        #expect(row["v"] == value)
        #expect(try row.bool("isnull") == false)
    }

    @Test func nullParameterIsSQLNull() throws {
        let db = try TestDatabase("params")
        let connection = try db.connect()
        let row = try connection.execute("SELECT $1::text AS v, $1::text IS NULL AS isnull, $2::int AS n", [nil, "42"]).singleRow()
        #expect(row["v"] == nil)
        #expect(try row.bool("isnull"))
        #expect(try row.int("n") == 42)
    }

    @Test func sessionSettingsArePinned() throws {
        let db = try TestDatabase("params")
        let connection = try db.connect()
        let row = try connection.execute("SELECT current_setting('TimeZone') AS tz, current_setting('DateStyle') AS ds, current_setting('client_encoding') AS enc, to_char(timestamptz '2025-09-27 16:30:00+00', 'YYYY-MM-DD HH24:MI') AS beijing").singleRow()
        #expect(row["tz"] == "Asia/Shanghai")
        #expect(row["ds"] == "ISO, YMD")
        #expect(row["enc"] == "UTF8")
        #expect(row["beijing"] == "2025-09-28 00:30")
    }

    @Test func missingTableCarriesSQLState() throws {
        let db = try TestDatabase("params")
        let connection = try db.connect()
        let error = try #require(throws: PostgresError.self) {
            try connection.execute("SELECT * FROM no_such_table")
        }
        #expect(error.sqlState == "42P01")
        #expect(error.message.contains("no_such_table"))
        // The connection is still usable.
        #expect(try connection.execute("SELECT 1 AS one").singleRow().int("one") == 1)
    }

    @Test func identifierQuoting() throws {
        let db = try TestDatabase("params")
        let connection = try db.connect()
        #expect(try connection.quoteIdentifier("车辆\"表") == "\"车辆\"\"表\"")
        try connection.executeSimple("CREATE TABLE \(try connection.quoteIdentifier("车辆 表")) (x int)")
        #expect(try connection.execute("SELECT count(*) AS n FROM \(try connection.quoteIdentifier("车辆 表"))").singleRow().int("n") == 0)
    }

    @Test func transactionRollsBackOnError() throws {
        let db = try TestDatabase("tx")
        let connection = try db.connect()
        try connection.executeSimple("CREATE TABLE t (x int)")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try connection.transaction { tx in
                try tx.execute("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        try connection.transaction { tx in try tx.execute("INSERT INTO t VALUES (2)") }
        #expect(try connection.execute("SELECT string_agg(x::text, ',') AS xs FROM t").singleRow()["xs"] == "2")
    }
}
