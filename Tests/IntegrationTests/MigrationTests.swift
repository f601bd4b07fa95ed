import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test func freshApplyThenNoOp() throws {
        let db = try TestDatabase("migrate")
        let connection = try db.connect()
        let first = try Migrator(connection: connection).apply()
        #expect(first.applied == Migration.bundled.map(\.version))
        #expect(first.alreadyApplied.isEmpty)
        let second = try Migrator(connection: connection).apply()
        #expect(second.applied.isEmpty)
        #expect(second.alreadyApplied == Migration.bundled.map(\.version))
        #expect(try connection.execute("SELECT count(*) AS n FROM recon.runs").singleRow().int("n") == 0)
    }

    @Test func bundledMigrationsAreNumberedWithoutGaps() {
        let versions = Migration.bundled.map(\.version)
        #expect(!versions.isEmpty)
        #expect(versions == Array(1...versions.count))
    }

    @Test func tamperedHistoryIsRefused() throws {
        let db = try TestDatabase("tamper")
        let connection = try db.connect()
        try Migrator(connection: connection).apply()
        try connection.execute("UPDATE recon.schema_migrations SET checksum = 'deadbeefdeadbeef' WHERE version = 1")
        let error = try #require(throws: Migrator.Failure.self) { try Migrator(connection: connection).apply() }
        #expect(String(describing: error).contains("0001_foundation"))
    }

    @Test func unknownRecordedMigrationIsRefused() throws {
        let db = try TestDatabase("unknown")
        let connection = try db.connect()
        try Migrator(connection: connection).apply()
        try connection.execute("INSERT INTO recon.schema_migrations (version, name, checksum) VALUES (9999, 'future', 'x')")
        #expect(throws: Migrator.Failure.unknownMigration(version: 9999, name: "future")) {
            try Migrator(connection: connection).apply()
        }
    }

    @Test func failingMigrationLeavesNothing() throws {
        let db = try TestDatabase("failmig")
        let connection = try db.connect()
        let broken = Migration.bundled + [Migration(version: 999, name: "broken", sql: "CREATE TABLE recon.ok (x int); SELECT * FROM missing_table;")]
        #expect(throws: PostgresError.self) { try Migrator(connection: connection, migrations: broken).apply() }
        #expect(try Migrator(connection: connection).recordedVersions().isEmpty)
        #expect(try connection.execute("SELECT to_regclass('recon.runs') IS NULL AS gone").singleRow().bool("gone"))
    }
}
