import PostgresClient
import ReconRules

/// The planner's estimate of a side's row count (from `pg_class.reltuples` and the column
/// statistics, via `EXPLAIN`): cheap, no scan; only for the progress line.
enum RowEstimate {
    /// The `rows=` of the plan's top line, or nil when it cannot be read.
    static func rows(_ connection: Connection, explain statement: String) -> Int? {
        guard let result = try? connection.execute(statement), let line = result.rows.first?[0],
              let range = line.range(of: "rows=") else { return nil }
        let digits = line[range.upperBound...].prefix { $0.isNumber }
        return Int(digits)
    }
}
