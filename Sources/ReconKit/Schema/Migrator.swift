import PostgresClient
import ReconRules

/// Applies the bundled migrations to a results database.
///
/// All pending migrations are applied in one transaction (all or nothing) under a transaction
/// advisory lock, each recorded in `recon.schema_migrations`. A second run is a no-op. A database
/// whose recorded history differs from the bundled files (an edited, missing or unknown
/// migration) is refused before anything is changed.
public struct Migrator {
    /// Problems found when comparing the database's history with the bundled files.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// A recorded migration's file has changed since it was applied.
        case checksumMismatch(version: Int, name: String, recorded: String, bundled: String)
        /// The database records a migration this binary does not have.
        case unknownMigration(version: Int, name: String)
        /// A recorded migration has another name than the bundled file of that number.
        case nameMismatch(version: Int, recorded: String, bundled: String)

        public var description: String {
            switch self {
            case let .checksumMismatch(v, name, recorded, bundled):
                return "migration \(Self.label(v, name)) was applied with checksum \(recorded) but the bundled file has \(bundled): the history was edited; refusing to migrate"
            case let .unknownMigration(v, name):
                return "the database records migration \(Self.label(v, name)), which this recon does not have (a newer recon migrated it?); refusing to migrate"
            case let .nameMismatch(v, recorded, bundled):
                return "migration \(v) is recorded as \(recorded) but bundled as \(bundled); refusing to migrate"
            }
        }

        static func label(_ version: Int, _ name: String) -> String {
            let digits = String(version)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_" + name
        }
    }

    /// What `apply` did.
    public struct Outcome: Sendable, Equatable {
        /// Versions applied by this call.
        public var applied: [Int]
        /// Versions that were already there.
        public var alreadyApplied: [Int]
    }

    let connection: Connection
    let migrations: [Migration]

    /// A migrator for `connection` with the bundled migrations (or others, for tests).
    public init(connection: Connection, migrations: [Migration] = Migration.bundled) {
        self.connection = connection
        self.migrations = migrations
    }

    /// Applies what is pending; refuses a tampered history.
    @discardableResult
    public func apply() throws -> Outcome {
        try connection.transaction { db in
            try db.execute("SELECT pg_advisory_xact_lock(hashtextextended('recon.migrate', 0))")
            try db.executeSimple("""
                CREATE SCHEMA IF NOT EXISTS recon;
                CREATE TABLE IF NOT EXISTS recon.schema_migrations (
                    version     integer PRIMARY KEY,
                    name        text NOT NULL,
                    checksum    text NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now()
                )
                """)
            let recorded = try db.execute("SELECT version, name, checksum FROM recon.schema_migrations ORDER BY version").rows
            let bundled = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
            var already: [Int] = []
            for row in recorded {
                let version = try row.int("version")
                let name = try row.string("name")
                let checksum = try row.string("checksum")
                guard let file = bundled[version] else { throw Failure.unknownMigration(version: version, name: name) }
                guard file.name == name else { throw Failure.nameMismatch(version: version, recorded: name, bundled: file.name) }
                guard file.checksum == checksum else {
                    throw Failure.checksumMismatch(version: version, name: name, recorded: checksum, bundled: file.checksum)
                }
                already.append(version)
            }
            var applied: [Int] = []
            for migration in migrations where !already.contains(migration.version) {
                try db.executeSimple(migration.sql)
                try db.execute("INSERT INTO recon.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                               [String(migration.version), migration.name, migration.checksum])
                applied.append(migration.version)
            }
            return Outcome(applied: applied, alreadyApplied: already)
        }
    }

    /// The versions recorded in the database (empty for a database never migrated).
    public func recordedVersions() throws -> [Int] {
        let exists = try connection.execute("SELECT to_regclass('recon.schema_migrations') IS NOT NULL AS present").singleRow()
        guard try exists.bool("present") else { return [] }
        return try connection.execute("SELECT version FROM recon.schema_migrations ORDER BY version").rows.map { try $0.int("version") }
    }
}
