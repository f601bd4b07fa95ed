import PostgresClient
import ReconRules

/// A summary of a results database, for `recon status`.
public struct ResultsStatus: Sendable {
    /// Migrations recorded in the database.
    public var appliedMigrations: [Int]
    /// Migrations bundled in this binary.
    public var bundledMigrations: [Int]
    /// Provinces known.
    public var provinceCount: Int
    /// Runs by status.
    public var runsByStatus: [String: Int]

    /// Reads the summary.
    public static func read(_ connection: Connection) throws -> ResultsStatus {
        let applied = try Migrator(connection: connection).recordedVersions()
        var provinces = 0
        var runs: [String: Int] = [:]
        if !applied.isEmpty {
            provinces = try connection.execute("SELECT count(*) AS n FROM recon.provinces").singleRow().int("n")
            for row in try connection.execute("SELECT status, count(*) AS n FROM recon.runs GROUP BY status").rows {
                runs[try row.string("status")] = try row.int("n")
            }
        }
        return ResultsStatus(appliedMigrations: applied, bundledMigrations: Migration.bundled.map(\.version),
                             provinceCount: provinces, runsByStatus: runs)
    }

    /// Human-readable lines.
    public func rendered() -> String {
        let pending = bundledMigrations.filter { !appliedMigrations.contains($0) }
        var lines: [String] = []
        lines.append("schema: \(appliedMigrations.count) of \(bundledMigrations.count) migrations applied" + (pending.isEmpty ? "" : " (pending: \(pending.map(String.init).joined(separator: ", ")); run `recon migrate`)"))
        lines.append("provinces: \(provinceCount)")
        let runs = runsByStatus.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        lines.append("runs: " + (runs.isEmpty ? "none" : runs))
        return lines.joined(separator: "\n")
    }
}
