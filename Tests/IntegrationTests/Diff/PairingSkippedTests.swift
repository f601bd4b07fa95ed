import Foundation
import PostgresClient
import ReconTestSupport
import Testing
@testable import ReconKit
@testable import ReconRules

/// issue 25 case 12: "A skipped pairing (over 20,000 one-sided items) is recorded on the run and
/// shown in `diff show`, the list's 汇总 and the portal" (the portal: PortalPageTests
/// `aSkippedPairingIsSaid`). The limit is lowered to 2 here; production keeps 20,000.
@Suite("A skipped 疑似同一记录 pairing is recorded and shown")
struct PairingSkippedTests {
    typealias E2E = ReconcileEndToEndTests

    @Test("over the limit: recorded on the run set, said by diff show and on the 汇总 sheet")
    func recordedAndShown() throws {
        #expect(SuspectPairing.defaultCandidateLimit == 20_000)
        #expect(ReconcileOptions().suspectPairingLimit == 20_000)
        let dbs = try DiffDatabases("pairskip")
        // Three one-sided items, one of them a typo pair that would be paired under the limit.
        try dbs.loadMinistry("vehicles", columns: E2E.columns, rows: [E2E.v("豫A20001", "2", vin: "LVSHCAMB1CE100001")])
        try dbs.loadProvince("vehicles", columns: E2E.columns, rows: [E2E.v("豫A2O001", "2", vin: "LVSHCAMB1CE100001"),
                                                                     E2E.v("豫E60001", "2", vin: "LVSHCAMB1CE999999")])
        var options = DiffDatabases.options
        options.suspectPairingLimit = 2
        let skipped = try Reconciler(sources: dbs.sources, provinceCode: "410000", provinceName: "河南省",
                                     recordSets: [.vehicles], options: options).run()
        #expect(skipped.sets.first?.suspectPairingSkipped == true && skipped.sets.first?.suspectPairs == 0)
        let paired = try Reconciler(sources: dbs.sources, provinceCode: "410000", provinceName: "河南省",
                                    recordSets: [.vehicles], options: DiffDatabases.options).run()
        #expect(paired.sets.first?.suspectPairs == 1)
        let results = try dbs.results.connect()
        let stored = try results.execute("""
            SELECT run_id, suspect_pairing_skipped_over FROM recon.run_sets WHERE run_id IN ($1, $2) ORDER BY run_id
            """, [String(skipped.runID), String(paired.runID)]).rows.map { $0["suspect_pairing_skipped_over"] ?? "NULL" }
        #expect(stored == ["2", "NULL"])

        // `recon diff show RUN` (the binary, over a config naming these databases).
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("pairskip-\(UUID().uuidString).toml").path
        try """
            [results]
            dsn = "\(dbs.results.dsn)"
            [ministry]
            dsn = "\(dbs.ministry.dsn)"
            [[province]]
            code = "410000"
            name = "河南省"
            dsn = "\(dbs.province.dsn)"
            """.write(toFile: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: config) }
        let line = "疑似同一记录未配对 · 营运车辆：单边差异（部有省无、省有部无）超过 2 条，未做疑似同一记录配对；差异计数不受影响。"
        let shown = try ReconCLI.run(["diff", "show", String(skipped.runID), "--config", config])
        #expect(shown.status == 0, "\(shown)")
        #expect(shown.stdout.contains(line), "\(shown)")
        let other = try ReconCLI.run(["diff", "show", String(paired.runID), "--config", config])
        #expect(other.status == 0 && !other.stdout.contains("未配对"), "\(other)")

        // The list's 汇总 sheet.
        let list = try ListIssuer(connection: results).issue(runID: skipped.runID).list
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pairskip-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let exported = try ListExporter(connection: results).export(listID: list.id, format: .xlsx, to: directory, now: Date())
        let summary = try XLSXReader.sheet(exported.path, name: "汇总")
        let row = summary.first { $0.first == "疑似同一记录未配对" }
        #expect(row?.dropFirst().first == "营运车辆：单边差异（部有省无、省有部无）超过 2 条，未做疑似同一记录配对；差异计数不受影响。", "\(summary)")
        let pairedList = try ListIssuer(connection: results).issue(runID: paired.runID).list
        let pairedExport = try ListExporter(connection: results).export(listID: pairedList.id, format: .xlsx, to: directory, now: Date())
        #expect(try XLSXReader.sheet(pairedExport.path, name: "汇总").allSatisfy { $0.first != "疑似同一记录未配对" })
    }
}
