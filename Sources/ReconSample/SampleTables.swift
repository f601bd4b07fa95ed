import Foundation
import PostgresClient
import ReconRules
import ReconKit

/// Creates the reference tables in a target database before loading, and finishes them after:
/// secondary indexes are dropped for the load (COPY into an unindexed table is faster) and
/// re-created from their own definitions afterwards, then the tables are analysed.
struct SampleTables {
    /// The connection to the target database.
    let connection: Connection
    /// The reference schema file (`ministry.sql`, `province.sql` or `platform.sql`).
    let schemaFile: String
    /// The tables the file creates and the generator fills.
    let tables: [String]
    /// Where it is, for messages (`ministry database postgresql://…/recon_ministry`).
    let origin: String
    /// The dropped secondary indexes' definitions (`pg_get_indexdef`), by table.
    private(set) var droppedIndexes: [String: [String]] = [:]
    /// The DSN, for the extra connections of ``finish(jobs:)``.
    let dsn: String
    /// Indexes created with the tables beyond the reference schema's: the normalised-key indexes
    /// that tracking probes (`TrackingQuery.recommendedIndexes`; a real registry gets them from
    /// `recon track --print-indexes`).
    let extraIndexes: [String]

    init(dsn: String, connection: Connection, schemaFile: String, tables: [String], origin: String,
         extraIndexes: [String] = []) {
        self.dsn = dsn
        self.extraIndexes = extraIndexes
        self.connection = connection
        self.schemaFile = schemaFile
        self.tables = tables
        self.origin = origin
    }

    /// Creates the tables from the reference schema. Existing tables are dropped first if they
    /// are empty or `replace` is set; a table holding rows without `replace` is an error.
    mutating func prepare(replace: Bool) throws {
        guard let sql = ReferenceSQL.file(schemaFile) else {
            throw SampleError("the reference schema sql/reference/\(schemaFile) is not in this build")
        }
        let existing = try connection.execute("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname = ANY($1::text[])
            ORDER BY c.relname
            """, [PostgresArray.text(tables)]).rows.compactMap { $0["relname"] }
        for table in existing where !replace {
            let quoted = try connection.quoteIdentifier(table)
            let hasRows = try connection.execute("SELECT EXISTS (SELECT 1 FROM \(quoted)) AS has_rows").singleRow().bool("has_rows")
            if hasRows {
                throw SampleError("\(origin): table \(table) already holds rows; pass --replace to drop and regenerate it")
            }
        }
        for table in existing {
            try connection.executeSimple("DROP TABLE IF EXISTS \(try connection.quoteIdentifier(table)) CASCADE")
        }
        try connection.executeSimple(sql)
        for statement in extraIndexes { try connection.executeSimple(statement) }
        let indexes = try connection.execute("""
            SELECT i.relname AS name, t.relname AS "table", pg_get_indexdef(i.oid) AS definition
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND t.relname = ANY($1::text[]) AND NOT x.indisprimary
            ORDER BY i.relname
            """, [PostgresArray.text(tables)])
        for index in indexes.rows {
            droppedIndexes[try index.string("table"), default: []].append(try index.string("definition"))
            try connection.executeSimple("DROP INDEX \(try connection.quoteIdentifier(try index.string("name")))")
        }
    }

    /// Re-creates the dropped indexes and analyses the tables, one table at a time on each of
    /// `jobs` connections (the load itself keeps both cores busy; index builds would leave one
    /// idle). ANALYZE uses a small statistics target (10 instead of 100: ten times faster on these
    /// wide tables and enough for the planner; autovacuum refines it later).
    mutating func finish(jobs: Int = 2) throws {
        let work = tables.map { table in (table: table, indexes: droppedIndexes[table] ?? []) }
        droppedIndexes.removeAll()
        let workers = max(1, min(jobs, work.count))
        let queue = SampleWorkQueue(count: work.count)
        let dsn = self.dsn
        let origin = self.origin
        let failures = SampleFailures()
        let connection = self.connection
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do {
                let session = worker == 0 ? connection : try Connection(conninfo: dsn, applicationName: "recon sample")
                try session.executeSimple("SET maintenance_work_mem = '256MB'; SET default_statistics_target = 10")
                while let item = queue.next() {
                    for definition in work[item].indexes { try session.executeSimple(definition) }
                    try session.executeSimple("ANALYZE \(try session.quoteIdentifier(work[item].table))")
                }
                try session.executeSimple("RESET maintenance_work_mem; RESET default_statistics_target")
            } catch {
                failures.add("\(origin): \(error)")
            }
        }
        if let failure = failures.first { throw SampleError(failure) }
    }

    /// Creates `database` through `serverDSN` if it does not exist.
    static func createDatabaseIfMissing(_ database: String, serverDSN: String) throws {
        let server = try Connection(conninfo: serverDSN, applicationName: "recon sample")
        let exists = try server.execute("SELECT 1 FROM pg_database WHERE datname = $1", [database]).rows.count == 1
        if !exists {
            try server.executeSimple("CREATE DATABASE \(try server.quoteIdentifier(database))")
        }
    }
}
