import ArgumentParser
import Foundation
import PostgresClient
import ReconKit
#if canImport(Glibc)
import Glibc
import ReconRules
#endif

/// `recon bench`: measurements for bench/ scripts (figures, never timed tests).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks (used by bench/*.sh).", shouldDisplay: false,
        subcommands: [BenchDiffCommand.self])
}

/// `recon bench diff`: one reconciliation on given databases, without a config file; prints its
/// time and peak RSS. With `--print-sql`, prints the two COPY statements instead (the floor that
/// bench/diff-bench.sh reads with psql).
struct BenchDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Reconcile one province on the given databases and print time and peak memory.")

    @Option(help: "The ministry database.") var ministry: String
    @Option(name: .customLong("province-db"), help: "The province's database.") var provinceDB: String
    @Option(help: "The results database (migrated if needed).") var results: String
    @Option(help: "The province code.") var province: String = "410000"
    @Option(name: .customLong("set"), help: "Record set (reference definitions).") var set: String = "vehicles"
    @Flag(name: .customLong("print-sql"), help: "Print the ministry's and the province's COPY statements, one per line, and exit.")
    var printSQL = false
    @Option(name: .customLong("key"), help: "A record set of your own: its key columns, comma-separated (with --fields, --ministry-table, --province-table).")
    var keyColumns: String?
    @Option(name: .customLong("fields"), help: "Its compared columns, comma-separated.") var fieldColumns: String?
    @Option(name: .customLong("ministry-table"), help: "The ministry's table (default: the record set's).") var ministryTable: String?
    @Option(name: .customLong("province-table"), help: "The province's table (default: the record set's).") var provinceTable: String?
    @Option(name: .customLong("ministry-deleted-column"), help: "The ministry's deleted-flag column; empty: none.") var deletedColumn: String?
    @Flag(name: .customLong("no-normalisers"), help: "Compare keys and fields byte for byte (no normalisers).") var noNormalisers = false
    @Flag(name: .customLong("sql-keys"), help: "Normalise and sort keys in SQL (the reading before issue 18).") var sqlKeys = false
    @Flag(name: .customLong("swift-keys"), help: "Read text keys raw and normalise them in Swift (side stream).") var swiftKeys = false
    @Option(name: .customLong("read"), help: "full, checksum or auto.", transform: ArgumentValue.readMode) var readMode: ReadMode = .full

    /// The record set measured: a reference one, or one of the arguments' own; tables overridden.
    func recordSet() throws -> RecordSetSpec {
        var spec: RecordSetSpec
        if let keyColumns {
            let fields = (fieldColumns ?? "").split(separator: ",").map(String.init)
            spec = RecordSetSpec(name: "bench", label: "基准",
                                 key: keyColumns.split(separator: ",").map { FieldSpec(column: String($0), label: String($0), normalisers: FieldSpec.identifierNormalisers) },
                                 fields: fields.map { FieldSpec(column: $0, label: $0, normalisers: [.fullWidth, .parentheses, .trim, .collapseSpaces, .emptyAsNull]) },
                                 ministryTable: "t", provinceTable: "t")
        } else {
            guard let reference = RecordSetSpec.reference.first(where: { $0.name == set }) else {
                throw ValidationError("unknown record set \(set)")
            }
            spec = reference
        }
        if let ministryTable { spec.ministryTable = ministryTable }
        if let provinceTable { spec.provinceTable = provinceTable }
        if let deletedColumn { spec.ministryDeletedColumn = deletedColumn }
        if noNormalisers {
            spec.key = spec.key.map { var field = $0; field.normalisers = []; return field }
            spec.fields = spec.fields.map { var field = $0; field.normalisers = []; return field }
        }
        return spec
    }

    func run() throws {
        let spec = try recordSet()
        if printSQL {
            let query = try DiffQuery(spec)
            print(try query.copy(.ministry, provinceCode: province))
            print(try query.copy(.province, provinceCode: province))
            return
        }
        try Migrator(connection: try Connection(conninfo: results, applicationName: "recon bench")).apply()
        var options = ReconcileOptions()
        options.progress = false
        options.rawKeyOrder = !sqlKeys
        options.normaliseTextKeysInSwift = swiftKeys
        options.readMode = readMode
        let statistics = ReadStatistics()
        options.statistics = statistics
        let started = ContinuousClock.now
        let outcome = try Reconciler(sources: ReconcileSources(results: results, ministry: ministry, province: provinceDB),
                                     provinceCode: province, provinceName: "bench", recordSets: [spec], options: options).run()
        let elapsed = ContinuousClock.now - started
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let counts = outcome.totals
        print("run=\(outcome.runID) ministry_rows=\(counts.ministryRows) province_rows=\(counts.provinceRows) union_keys=\(counts.unionKeys) differing_keys=\(counts.differingKeys) seconds=\(elapsed.components.seconds).\(String(format: "%03d", Int(elapsed.components.attoseconds / 1_000_000_000_000_000))) peak_rss_kib=\(usage.ru_maxrss) read=\(statistics.modes[spec.name]?.rawValue ?? "?") bytes=\(statistics.bytes) checksum_bytes=\(statistics.checksumBytes) rows_read=\(statistics.rows) buckets_read=\(statistics.bucketsRead[spec.name].map { "\($0.read)/\($0.of)" } ?? "-")")
    }
}
