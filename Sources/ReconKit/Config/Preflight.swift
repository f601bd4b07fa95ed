import Foundation
import PostgresClient
import ReconRules

/// `recon check`: everything a run needs, checked before any run row is written or data moves
/// (issue 14): every database the config names answers; every record set's table, columns (each
/// side by its own names), deleted marker, filters and submitted-at column exist with usable types;
/// the keys' normalisers can run in SQL; and each side's statement plans for each province. Each
/// problem names its `recon.toml:LINE` place, the database (redacted), table and column.
public struct Preflight {
    /// One problem.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The config place, e.g. `recon.toml:14 [[record_set]] vehicles`.
        public let place: String
        /// What is wrong.
        public let message: String
        /// True when a database named by a well-formed source could not be reached now (down,
        /// refused, timed out): an outage, not a mistake in the configuration — `recon due` and
        /// `recon reconcile` let the work of that database fail and be retried, while every other
        /// problem stops them before anything is written (exit 78).
        public var unreachable: Bool = false
        public var description: String { "\(place): \(message)" }

        /// A problem.
        public init(place: String, message: String, unreachable: Bool = false) {
            self.place = place
            self.message = message
            self.unreachable = unreachable
        }
    }

    /// What the check found.
    public struct Report: Sendable {
        /// One line per database and per record set and side.
        public var lines: [String] = []
        /// The problems (empty: the configuration is usable).
        public var problems: [Problem] = []
        /// Whether there is nothing wrong.
        public var isOK: Bool { problems.isEmpty }
        /// The problems of the configuration itself (every problem but an unreachable database).
        public var configurationProblems: [Problem] { problems.filter { !$0.unreachable } }

        /// The report for people.
        public func rendered() -> String {
            var out = lines
            out.append(problems.isEmpty ? "no problems" : "\(problems.count) problem(s):")
            out += problems.map { "  \($0)" }
            return out.joined(separator: "\n")
        }
    }

    let config: ReconConfig
    let environment: [String: String]
    /// Only these provinces (default: all configured).
    let provinces: [String]?
    /// Check the platform and the business-record tables (indicator 12) too — only when a
    /// `[platform]` is configured: without one indicator 12 is not scored here, so its tables
    /// are not demanded.
    let businessRecords: Bool
    /// Only these record sets (default: all configured).
    let recordSets: [RecordSetSpec]?

    /// A check of `config` (of `provinces`, or all; `businessRecords`: indicator 12's tables too,
    /// when `[platform]` is configured; `recordSets`, or all configured).
    public init(config: ReconConfig, environment: [String: String], provinces: [String]? = nil, businessRecords: Bool = true,
                recordSets: [RecordSetSpec]? = nil) {
        self.config = config
        self.environment = environment
        self.provinces = provinces
        self.businessRecords = businessRecords
        self.recordSets = recordSets
    }

    /// Runs every check; never throws (what fails is a problem of the report).
    public func run() -> Report {
        var report = Report()
        func connect(_ source: DatabaseSource, _ what: String) -> Connection? {
            let conninfo: String
            do {
                conninfo = try source.resolve(environment: environment)
                _ = try Conninfo(parsing: conninfo)
            } catch {
                report.problems.append(Problem(place: source.origin, message: "\(what): \(error)"))
                return nil
            }
            do {
                let connection = try Connection(conninfo: conninfo, applicationName: "recon check")
                report.lines.append("\(what): \(connection.redactedConninfo) — connected")
                return connection
            } catch {
                // A well-formed source that cannot be connected to now (refused, timed out, a
                // database being restored, credentials being rotated) is an outage of that
                // database: its work fails and is retried, the rest goes on.
                report.problems.append(Problem(place: source.origin, message: "\(what): \(error)", unreachable: true))
                return nil
            }
        }
        _ = connect(config.results, "results database")
        let ministry = connect(config.ministry, "ministry database (部级运政系统)")
        if businessRecords, let platform = config.platform, let connection = connect(platform, "platform database (便民政务系统)") {
            let b = config.businessRecords
            checkTable(b.platformTable, columns: [b.serialColumn, b.provinceColumn], on: connection, place: platform.origin,
                       what: "platform", into: &report)
        }
        if businessRecords, config.platform != nil, let ministry {
            let b = config.businessRecords
            checkTable(b.ministryTable, columns: [b.serialColumn, b.provinceColumn, b.submittedColumn], on: ministry,
                       place: config.ministry.origin, what: "ministry business records", into: &report)
        }
        let selected = config.provinces.filter { provinces == nil || provinces!.contains($0.code) }
        for province in selected {
            let connection = connect(province.source, "province \(province.code) \(province.name) (省级运政系统)")
            for set in recordSets ?? config.recordSets {
                if let ministry { check(set, side: .ministry, on: ministry, province: province.code, into: &report) }
                if let connection { check(set, side: .province, on: connection, province: province.code, into: &report) }
            }
        }
        return report
    }

    /// The checks of one record set on one side.
    func check(_ set: RecordSetSpec, side: DiffSide, on connection: Connection, province: String, into report: inout Report) {
        let place = set.origin
        let table = side == .ministry ? set.ministryTable : set.provinceTable
        let label = "\(set.name) (\(set.label)) \(side) \(table)"
        do {
            let query = try DiffQuery(set)
            try Self.checkSide(set, side: side, on: connection, provinceCode: province)
            let rows = RowEstimate.rows(connection, explain: try query.estimateStatement(side, provinceCode: province))
            let indexes = try TrackingQuery(set).recommendedIndexes()
            report.lines.append("\(label) for \(province): ok, ~\(rows.map(String.init) ?? "?") rows; tracking index: \(side == .ministry ? indexes.ministry : indexes.province)")
        } catch {
            report.problems.append(Problem(place: place, message: "\(label) (database \(connection.redactedConninfo)): \(error)"))
        }
    }

    /// The checks of one record set on one side, throwing the first problem: its table and columns
    /// exist, the ministry's submitted-at and deleted columns have usable types, and the side's real
    /// statement plans (which checks every type and expression: IS TRUE on a text flag, …). Shared
    /// by `recon check` and the reconciler, which runs it before writing a run row.
    public static func checkSide(_ set: RecordSetSpec, side: DiffSide, on connection: Connection, provinceCode: String) throws {
        try SourceSchemaCheck.verify(set, side: side, connection: connection)
        if side == .ministry { try checkMinistryTypes(set, on: connection) }
        _ = try connection.execute("EXPLAIN \(try DiffQuery(set).select(side, provinceCode: provinceCode))")
    }

    /// The submitted-at column holds times; a deleted flag without values is boolean.
    static func checkMinistryTypes(_ set: RecordSetSpec, on connection: Connection) throws {
        func type(_ column: String) throws -> String? {
            try connection.execute("""
                SELECT format_type(atttypid, atttypmod) AS t FROM pg_attribute
                WHERE attrelid = to_regclass($1) AND attname = $2 AND NOT attisdropped
                """, [try SQLText.qualifiedTable(set.ministryTable), column]).rows.first?["t"]
        }
        if let submitted = try type(set.ministrySubmittedColumn) {
            // A timestamp with or without time zone (the latter read as Beijing wall-clock time,
            // 注1); a date cannot tell an upload on the issue day from one before the issue, so it
            // is refused (docs/rules.md, "Beijing time and submission time (注1)").
            if submitted == "date" {
                throw ConfigError("ministry_submitted_column \"\(set.ministrySubmittedColumn)\" of \(set.ministryTable) is a date: 报送时间 needs the time of day (an upload on the list's issue day could be before or after the issue); give a timestamp column")
            }
            if !submitted.hasPrefix("timestamp") {
                throw ConfigError("ministry_submitted_column \"\(set.ministrySubmittedColumn)\" of \(set.ministryTable) is \(submitted), not a timestamp (报送时间)")
            }
        }
        if !set.ministryDeletedColumn.isEmpty, set.ministryDeletedValues == nil, let deleted = try type(set.ministryDeletedColumn),
           deleted != "boolean" {
            throw ConfigError("ministry_deleted_column \"\(set.ministryDeletedColumn)\" of \(set.ministryTable) is \(deleted), not boolean: give ministry_deleted_values = [\"…\"] (the values meaning deleted)")
        }
    }

    func checkTable(_ table: String, columns: [String], on connection: Connection, place: String, what: String, into report: inout Report) {
        do {
            let qualified = try SQLText.qualifiedTable(table)
            let present = try connection.execute("SELECT to_regclass($1) IS NOT NULL AS ok", [qualified]).singleRow()
            if try !present.bool("ok") {
                report.problems.append(Problem(place: place, message: "\(what) table \(table) does not exist (database \(connection.redactedConninfo))"))
                return
            }
            let found = Set(try connection.execute("""
                SELECT attname FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped
                """, [qualified]).rows.map { try $0.string("attname") })
            let missing = columns.filter { !found.contains($0) }
            if !missing.isEmpty {
                report.problems.append(Problem(place: place, message: "\(what) table \(table) has no column(s) \(missing.joined(separator: ", ")) (database \(connection.redactedConninfo))"))
            }
        } catch {
            report.problems.append(Problem(place: place, message: "\(what) table \(table): \(error)"))
        }
    }
}
