import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

/// issue 25 case 12: "Invalid bytes `e6 b2 b3 ff 20 fe` in an SQL_ASCII registry stop the run
/// without naming table, key and column (docs/rules.md promises it)". Through `recon reconcile`
/// on a real SQL_ASCII database: the run fails with exit 1, the message names the record set,
/// side, table, key (as the list prints it), column, bytes and the offset of the first invalid
/// byte, and what was stored before stays as it was.
@Suite("Bytes that are not UTF-8 in an SQL_ASCII registry", .serialized)
struct BadBytesTests {
    static let bad = "E'\\xe6\\xb2\\xb3\\xff\\x20\\xfe'"

    /// A fixture whose 河南 registry is a fresh SQL_ASCII database holding the reference tables.
    static func fixture(_ label: String) throws -> (DueFixture, TestDatabase, String) {
        let fixture = try DueFixture(codes: ["410000"], rows: 60)
        let province = try TestDatabase(label, options: "ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
        try province.connect().executeSimple(try #require(ReferenceSQL.file("province.sql")))
        fixture.config.provinces[0].source = DatabaseSource(dsn: province.dsn, origin: "test sql_ascii")
        return (fixture, province, try fixture.writeConfig())
    }

    /// What the results database holds: (completed runs, failed runs, differences, run_sets, lists).
    static func stored(_ fixture: DueFixture) throws -> [String] {
        try fixture.results.connect().execute("""
            SELECT (SELECT count(*) FROM recon.runs WHERE status = 'completed') AS completed,
                   (SELECT count(*) FROM recon.runs WHERE status = 'failed') AS failed,
                   (SELECT count(*) FROM recon.differences) AS differences,
                   (SELECT count(*) FROM recon.run_sets) AS sets,
                   (SELECT count(*) FROM recon.lists) AS lists
            """).singleRow().values.map { $0 ?? "NULL" }
    }

    @Test("a one-sided record's value, a matched record's value and a key, each named; nothing stored",
          arguments: [
            ("name of a 省有部无 record", "operators", "INSERT INTO operators (licence_no, name) VALUES ('X0001', \(bad))",
             "key X0001, column name"),
            ("name of a record the ministry also holds", "operators", "INSERT INTO operators (licence_no, name) VALUES ('MATCHED', \(bad))",
             "column name"),
            ("the key of a 省有部无 record", "operators", "INSERT INTO operators (licence_no, name) VALUES (\(bad), 'a')",
             "column licence_no"),
          ])
    func named(what: String, set: String, insert: String, names: String) throws {
        let (fixture, province, config) = try Self.fixture("sqlascii_bad")
        let connection = try province.connect()
        let licence = try fixture.ministry.connect().execute("""
            SELECT licence_no FROM operators WHERE province_code = '410000' AND NOT deleted AND licence_no ~ '^[0-9]+$'
            ORDER BY licence_no LIMIT 1
            """).singleRow().string("licence_no")
        // A clean run first: what it stored must survive the failed one.
        try connection.execute("INSERT INTO operators (licence_no, name) VALUES ('CLEAN1', '甲公司')")
        let first = try ReconCLI.run(["reconcile", "--config", config, "--province", "410000", "--set", set, "--quiet"])
        #expect(first.status == 0, "\(first)")
        let before = try Self.stored(fixture)
        try connection.execute(insert.replacingOccurrences(of: "'MATCHED'", with: "'\(licence)'"))
        let run = try ReconCLI.run(["reconcile", "--config", config, "--province", "410000", "--set", set, "--quiet"])
        let message = run.stderr
        #expect(run.status == 1, "\(what): \(run)")
        #expect(message.contains("record set \(set), province (省) table \(set)"), "\(what): \(message)")
        #expect(message.contains(names.replacingOccurrences(of: "MATCHED", with: licence)), "\(what): \(message)")
        #expect(message.contains("e6 b2 b3 ff 20 fe (6 bytes; the first invalid byte is at offset 3, counted from 0)"), "\(what): \(message)")
        if what.hasPrefix("name of a record the ministry") { #expect(message.contains("key \(licence), column name"), "\(message)") }
        // Stored data as it was, but for the failed run's row, which names the same place.
        let after = try Self.stored(fixture)
        #expect(after[0] == before[0] && after[2] == before[2] && after[3] == before[3] && after[4] == before[4], "\(before) → \(after)")
        #expect(Int(after[1]) == (Int(before[1]) ?? 0) + 1)
        let error = try fixture.results.connect().execute("SELECT error FROM recon.runs WHERE status = 'failed' ORDER BY id DESC LIMIT 1")
            .singleRow().string("error")
        #expect(error.contains("e6 b2 b3 ff 20 fe") && error.contains("table \(set)"), "\(error)")
    }
}
