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
        public var description: String { "\(place): \(message)" }
    }

    /// What the check found.
    public struct Report: Sendable {
        /// One line per database and per record set and side.
        public var lines: [String] = []
        /// The problems (empty: the configuration is usable).
        public var problems: [Problem] = []
        /// Whether there is nothing wrong.
        public var isOK: Bool { problems.isEmpty }

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
    /// Check the platform and the business-record tables (indicator 12) too.
    let businessRecords: Bool

    /// A check of `config` (of `provinces`, or all; `businessRecords`: indicator 12's tables too).
    public init(config: ReconConfig, environment: [String: String], provinces: [String]? = nil, businessRecords: Bool = true) {
        self.config = config
        self.environment = environment
        self.provinces = provinces
        self.businessRecords = businessRecords
    }

    /// Runs every check; never throws (what fails is a problem of the report).
    public func run() -> Report {
        var report = Report()
        func connect(_ source: DatabaseSource, _ what: String) -> Connection? {
            do {
                let connection = try Connection(conninfo: try source.resolve(environment: environment), applicationName: "recon check")
                report.lines.append("\(what): \(connection.redactedConninfo) — connected")
                return connection
            } catch {
                report.problems.append(Problem(place: source.origin, message: "\(what): \(error)"))
                return nil
            }
        }
        _ = connect(config.results, "results database")
        let ministry = connect(config.ministry, "ministry database (部级运政系统)")
        if businessRecords, let platform = config.platform, let connection = connect(platform, "platform database (便民政务系统)") {
            checkTable(config.businessRecords.platformTable, on: connection, place: platform.origin, what: "platform", into: &report)
        }
        if businessRecords, let ministry {
            checkTable(config.businessRecords.ministryTable, on: ministry, place: config.ministry.origin, what: "ministry business records",
                       into: &report)
        }
        let selected = config.provinces.filter { provinces == nil || provinces!.contains($0.code) }
        for province in selected {
            let connection = connect(province.source, "province \(province.code) \(province.name) (省级运政系统)")
            for set in config.recordSets {
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
        if let submitted = try type(set.ministrySubmittedColumn),
           !(submitted.hasPrefix("timestamp") || submitted == "date") {
            throw ConfigError("ministry_submitted_column \"\(set.ministrySubmittedColumn)\" of \(set.ministryTable) is \(submitted), not a timestamp (报送时间)")
        }
        if !set.ministryDeletedColumn.isEmpty, set.ministryDeletedValues == nil, let deleted = try type(set.ministryDeletedColumn),
           deleted != "boolean" {
            throw ConfigError("ministry_deleted_column \"\(set.ministryDeletedColumn)\" of \(set.ministryTable) is \(deleted), not boolean: give ministry_deleted_values = [\"…\"] (the values meaning deleted)")
        }
    }

    func checkTable(_ table: String, on connection: Connection, place: String, what: String, into report: inout Report) {
        do {
            let present = try connection.execute("SELECT to_regclass($1) IS NOT NULL AS ok", [try SQLText.qualifiedTable(table)]).singleRow()
            if try !present.bool("ok") {
                report.problems.append(Problem(place: place, message: "\(what) table \(table) does not exist (database \(connection.redactedConninfo))"))
            }
        } catch {
            report.problems.append(Problem(place: place, message: "\(what) table \(table): \(error)"))
        }
    }
}
