import PostgresClient
import ReconTestSupport
import Testing

@Suite("COPY streaming")
struct CopyTests {
    /// A value with every awkward byte COPY text must escape, varied by row.
    static func awkward(_ i: Int) -> String? {
        switch i % 9 {
        case 0: return nil
        case 1: return ""
        case 2: return "tab\there \(i)"
        case 3: return "line\nbreak\r\n\(i)"
        case 4: return "back\\slash\\\\ \(i)"
        case 5: return "\\N"
        case 6: return "豫A\(i)号 （测试）"
        case 7: return "\\x41\\101 literal \(i)"
        default: return "plain \(i)"
        }
    }

    static func fillTable(_ connection: Connection, rows: Int) throws {
        try connection.executeSimple("CREATE TABLE t (id int PRIMARY KEY, a text, b text)")
        let stored = try connection.copyIn("COPY t (id, a, b) FROM STDIN") { writer in
            for i in 0..<rows {
                try writer.writeRow([String(i), awkward(i), awkward(i + 4)])
            }
        }
        #expect(stored == rows)
    }

    @Test func copyOutEqualsSelect() throws {
        let db = try TestDatabase("copyout")
        let connection = try db.connect()
        let rows = 100_000
        try Self.fillTable(connection, rows: rows)
        let selected = try connection.execute("SELECT id, a, b FROM t ORDER BY id").rows
        #expect(selected.count == rows)
        let stream = try connection.copyOut("COPY (SELECT id, a, b FROM t ORDER BY id) TO STDOUT")
        var index = 0
        var mismatches = 0
        while let decoded = try stream.next({ CopyText.decodeRow($0) }) {
            let expected = selected[index].values
            if decoded != expected { mismatches += 1 }
            // Values also match what was written.
            if index % 997 == 0 {
                #expect(decoded == [String(index), Self.awkward(index), Self.awkward(index + 4)])
            }
            index += 1
        }
        #expect(index == rows)
        #expect(mismatches == 0)
    }

    @Test func cancelHalfwayLeavesConnectionUsable() throws {
        let db = try TestDatabase("cancel")
        let connection = try db.connect()
        try Self.fillTable(connection, rows: 20_000)
        let stream = try connection.copyOut("COPY (SELECT t1.id, t1.a FROM t t1, generate_series(1, 100)) TO STDOUT")
        var seen = 0
        while seen < 1_000, try stream.next({ _ in true }) != nil { seen += 1 }
        #expect(seen == 1_000)
        try stream.cancel()
        #expect(try stream.next({ _ in true }) == nil)
        #expect(try connection.execute("SELECT count(*) AS n FROM t").singleRow().int("n") == 20_000)
    }

    @Test func queryDuringCopyIsRefused() throws {
        let db = try TestDatabase("busy")
        let connection = try db.connect()
        let stream = try connection.copyOut("COPY (SELECT generate_series(1, 10)) TO STDOUT")
        #expect(throws: PostgresError.self) { try connection.execute("SELECT 1") }
        while try stream.next({ _ in () }) != nil {}
        #expect(try connection.execute("SELECT 1 AS x").singleRow().int("x") == 1)
    }

    @Test func copyInRowsLarge() throws {
        let db = try TestDatabase("copyin")
        let connection = try db.connect()
        try Self.fillTable(connection, rows: 100_000)
        let row = try connection.execute("SELECT count(*) AS n, count(a) AS a, sum(id)::bigint AS s FROM t").singleRow()
        #expect(try row.int("n") == 100_000)
        #expect(try row.int("a") == 100_000 - (100_000 + 8) / 9)
        #expect(try row.int("s") == (0..<100_000).reduce(0, +))
    }

    @Test func failingCopyInWritesNothing() throws {
        let db = try TestDatabase("copyfail")
        let connection = try db.connect()
        try connection.executeSimple("CREATE TABLE t (id int PRIMARY KEY, a text)")
        struct Stop: Error {}
        // The client gives up half-way.
        #expect(throws: Stop.self) {
            try connection.copyIn("COPY t FROM STDIN") { writer in
                for i in 0..<50_000 { try writer.writeRow([String(i), "v"]) }
                throw Stop()
            }
        }
        // The server rejects a bad row after many good ones.
        let error = try #require(throws: PostgresError.self) {
            try connection.copyIn("COPY t FROM STDIN") { writer in
                for i in 0..<50_000 { try writer.writeRow([String(i), "v"]) }
                try writer.writeRow(["not-a-number", "v"])
            }
        }
        #expect(error.sqlState == "22P02")
        #expect(try connection.execute("SELECT count(*) AS n FROM t").singleRow().int("n") == 0)
    }

    @Test func advisoryLocksExcludeOtherSessions() throws {
        let db = try TestDatabase("locks")
        let first = try db.connect(applicationName: "recon first")
        let second = try db.connect(applicationName: "recon second")
        #expect(try first.tryAdvisoryLock("recon.test.410000"))
        #expect(try second.tryAdvisoryLock("recon.test.410000") == false)
        let holder = try #require(try second.advisoryLockHolder("recon.test.410000"))
        #expect(holder.contains("recon first"))
        #expect(try second.tryAdvisoryLock("recon.test.420000"))
        try first.advisoryUnlock("recon.test.410000")
        #expect(try second.tryAdvisoryLock("recon.test.410000"))
    }
}
