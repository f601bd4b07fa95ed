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

    func run() throws {
        guard let spec = RecordSetSpec.reference.first(where: { $0.name == set }) else {
            throw ValidationError("unknown record set \(set)")
        }
        if printSQL {
            let query = try DiffQuery(spec)
            print(try query.copy(.ministry, provinceCode: province))
            print(try query.copy(.province, provinceCode: province))
            return
        }
        try Migrator(connection: try Connection(conninfo: results, applicationName: "recon bench")).apply()
        var options = ReconcileOptions()
        options.progress = false
        let started = ContinuousClock.now
        let outcome = try Reconciler(sources: ReconcileSources(results: results, ministry: ministry, province: provinceDB),
                                     provinceCode: province, provinceName: "bench", recordSets: [spec], options: options).run()
        let elapsed = ContinuousClock.now - started
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let counts = outcome.totals
        print("run=\(outcome.runID) ministry_rows=\(counts.ministryRows) province_rows=\(counts.provinceRows) union_keys=\(counts.unionKeys) differing_keys=\(counts.differingKeys) seconds=\(elapsed.components.seconds).\(String(format: "%03d", Int(elapsed.components.attoseconds / 1_000_000_000_000_000))) peak_rss_kib=\(usage.ru_maxrss)")
    }
}
