import ArgumentParser
import Foundation
import PostgresClient
import ReconKit
import ReconRules

/// `recon track`: checks the open items of rectification lists against the ministry (and the
/// province, for "resolved").
struct TrackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Record re-uploads (报送时间 after the issue), cancellations and resolved items of open rectification lists.",
        discussion: """
            Looks up the open items' keys in batches (a temporary table joined on the normalised key), one transaction per \
            list; running it twice changes nothing the second time. Run it at least daily while lists are open: the ministry \
            keeps only a row's last 报送时间. --print-indexes prints expression indexes that make the lookups index probes.
            """)
    @Option(help: "Only this province's lists.") var province: String?
    @Option(help: "Only this list.") var list: Int64?
    @Option(name: .customLong("batch-size"), help: "Keys per batch.") var batchSize: Int = 10_000
    @Option(help: ArgumentHelp("The check time, ISO 8601 with offset (default: now).", valueName: "timestamp"),
            transform: ArgumentValue.instant)
    var now: Date?
    @Flag(name: .customLong("print-indexes"), help: "Print the recommended CREATE INDEX statements and exit.") var printIndexes = false
    @OptionGroup var config: ConfigOption

    func run() throws {
        let loaded = try config.load()
        if printIndexes {
            for recordSet in loaded.recordSets {
                let indexes = try TrackingQuery(recordSet).recommendedIndexes()
                print("-- \(recordSet.label) (\(recordSet.name)): ministry registry\n\(indexes.ministry);")
                print("-- \(recordSet.label) (\(recordSet.name)): each province registry\n\(indexes.province);")
            }
            return
        }
        if let province { _ = try loaded.argumentProvince(province) }
        let environment = ProcessInfo.processInfo.environment
        try loaded.checkSources(environment: environment, provinces: province.map { [$0] }, includePlatform: false)
        let results = try config.results(loaded, application: "recon track")
        if let list {
            do { _ = try ListStore(connection: results).list(id: list) } catch let error as ListError {
                throw ValidationError("--list \(list): \(error)")
            }
        }
        // The same preflight as `recon check` before anything is recorded.
        try PreflightGate.require(Preflight(config: loaded, environment: environment, provinces: province.map { [$0] }, businessRecords: false),
                                  command: "recon track")
        let ministry = try Connection(conninfo: try loaded.ministry.resolve(environment: environment), applicationName: "recon track")
        let tracker = Tracker(results: results, ministry: ministry, recordSets: loaded.recordSets, batchSize: batchSize) { code in
            try Connection(conninfo: try loaded.province(code).source.resolve(environment: environment), applicationName: "recon track")
        }
        let report = try tracker.track(province: province, listID: list, at: now ?? Date())
        print(report.summary)
    }
}
