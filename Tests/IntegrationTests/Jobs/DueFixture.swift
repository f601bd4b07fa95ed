import Foundation
import Logging
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport

/// Sample registries for a few provinces in fresh databases, a results database, and a config.
final class DueFixture: @unchecked Sendable {
    let results: TestDatabase
    let ministry: TestDatabase
    let platform: TestDatabase
    let provinces: [String: TestDatabase]
    let codes: [String]
    var config: ReconConfig
    /// The policy of `due()` and of `writeConfig()`. The tests that are not about which quarter a
    /// window serves keep the July timeline under the named earlier attribution
    /// (`jtys-2022-1599-own-quarter`: 2026Q3's window is 2026-07-01 … 07-07); the tests of the
    /// attribution (`QuarterLifecycleTests`, `WindowAttributionTests`) set the default, under which
    /// 2026Q3's window is in October 2026 (docs/rules.md, "The window").
    var policy: ScoringPolicy = .jtys2022OwnQuarter

    /// 2026Q3's window under `jtys-2022-1599-own-quarter` is 2026-07-01 … 2026-07-07; this instant is inside it.
    static let insideWindow = try! BeijingTime.parseTimestamp("2026-07-02T09:00:00+08:00")

    init(codes: [String] = ["410000", "420000", "430000"], rows: Int = 300) throws {
        self.codes = codes
        results = try TestDatabase("due_results")
        ministry = try TestDatabase("due_ministry")
        platform = try TestDatabase("due_platform")
        var provinces: [String: TestDatabase] = [:]
        for code in codes { provinces[code] = try TestDatabase("due_p\(code)") }
        self.provinces = provinces
        let layout = SampleLayout(results: results.dsn, ministry: ministry.dsn, platform: platform.dsn,
                                  provinces: try codes.map { .init(code: $0, name: try SampleLayout.provinceName($0), dsn: provinces[$0]!.dsn) })
        let quarter = try Quarter.parse("2026Q3")
        let parameters = SampleParameters(provinces: codes, rowsPerSet: rows, businessRowsPerProvince: 200, seed: 5,
                                          differenceRate: try SampleRate(parsing: "3%"), noiseRate: try SampleRate(parsing: "10%"),
                                          quarter: quarter, platformShare: try SampleRate(parsing: "95%"))
        _ = try SampleGenerator(parameters: parameters).load(into: layout, replace: false)
        config = ReconConfig(
            results: DatabaseSource(dsn: results.dsn, origin: "test"),
            ministry: DatabaseSource(dsn: ministry.dsn, origin: "test"),
            platform: DatabaseSource(dsn: platform.dsn, origin: "test"),
            provinces: try codes.map { ProvinceConfig(code: $0, name: try SampleLayout.provinceName($0),
                                                      source: DatabaseSource(dsn: provinces[$0]!.dsn, origin: "test \($0)")) })
        let connection = try results.connect()
        try Migrator(connection: connection).apply()
        try ProvinceSync.sync(config.provinces, on: connection)
    }

    /// Runs `recon due` in-process for the plan of `instant`'s Beijing date, pretending it is `instant`.
    func due(at instant: Date = DueFixture.insideWindow, label: String = "recon due", logs: LogBox? = nil,
             beforeOfficialCheck: (@Sendable (String) -> Void)? = nil) throws -> [DueOutcome] {
        let connection = try results.connect(applicationName: label)
        let logger = Logger(label: "test", factory: { _ in logs.map { LogBoxHandler(box: $0) as LogHandler } ?? SwiftLogNoOpLogHandler() })
        let runner = DueRunner(config: config, environment: [:], results: connection, calendar: .builtIn, policy: policy,
                               logger: logger, pretendNow: instant)
        // Each quarter by its stored policy, else `policy` (as `recon due` plans).
        let plan = try runner.plan(date: BeijingTime.civilDate(of: instant))
        runner.beforeOfficialCheck = beforeOfficialCheck
        return runner.run(plan)
    }

    /// `SELECT province_code, status, count(*)` of the runs.
    func runCounts() throws -> [String: [String: Int]] {
        var counts: [String: [String: Int]] = [:]
        for row in try results.connect().execute("SELECT province_code, status, count(*) AS n FROM recon.runs GROUP BY 1, 2").rows {
            counts[try row.string("province_code"), default: [:]][try row.string("status")] = try row.int("n")
        }
        return counts
    }

    /// Lists per province.
    func listCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try results.connect().execute("SELECT province_code, count(*) AS n FROM recon.lists GROUP BY 1").rows {
            counts[try row.string("province_code")] = try row.int("n")
        }
        return counts
    }

    /// The config as a recon.toml file (for the `recon` binary).
    func writeConfig() throws -> String {
        var text = "policy = \"\(policy.name)\"\n[results]\ndsn = \"\(results.dsn)\"\n[ministry]\ndsn = \"\(ministry.dsn)\"\n[platform]\ndsn = \"\(platform.dsn)\"\n"
        for province in config.provinces {
            text += "[[province]]\ncode = \"\(province.code)\"\nname = \"\(province.name)\"\ndsn = \"\(province.source.dsn!)\"\n"
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("recon-due-\(UUID().uuidString).toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The `recon` executable built next to the tests (`swift build --build-tests` builds it).
    static func reconBinary() throws -> String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        let candidates = [".build/debug/recon", ".build/x86_64-unknown-linux-gnu/debug/recon", ".build/aarch64-unknown-linux-gnu/debug/recon"]
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: url.appendingPathComponent(candidate).path) {
            return url.appendingPathComponent(candidate).path
        }
        throw TestSupportError("the recon binary is not built under \(url.path)/.build/debug: run `swift build --build-tests` (jobs/test.sh does)")
    }
}

/// Log lines gathered by a test.
final class LogBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(level: Logger.Level, message: String)] = []
    func add(_ level: Logger.Level, _ message: String) { lock.lock(); stored.append((level, message)); lock.unlock() }
    var lines: [(level: Logger.Level, message: String)] { lock.lock(); defer { lock.unlock() }; return stored }
    func clear() { lock.lock(); stored.removeAll(); lock.unlock() }
}

/// A swift-log handler writing into a ``LogBox``.
struct LogBoxHandler: LogHandler {
    let box: LogBox
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
             function: String, line: UInt) {
        box.add(level, message.description)
    }
}
