import Testing
import PostgresClient
import ReconTestSupport
@testable import ReconKit
@testable import ReconRules
@testable import ReconSample

@Suite("recon runs / recon diff show read back what a run stored")
struct RunReadingTests {
    typealias E = ReconcileEndToEndTests

    @Test("list, report and renderings")
    func readBack() throws {
        let dbs = try DiffDatabases("read")
        try E().loadVehicles(dbs)
        let outcome = try Reconciler(sources: dbs.sources, provinceCode: "410000", provinceName: "河南省",
                                     recordSets: [.vehicles, .operators], options: DiffDatabases.options).run()
        let connection = try dbs.results.connect()
        let runs = try RunQueries.list(connection)
        #expect(runs.map(\.id) == [outcome.runID])
        let run = try #require(runs.first)
        #expect(run.status == "completed" && run.provinceName == "河南省" && run.recordSets == ["vehicles", "operators"])
        #expect(run.rate == DiffRate(differing: 7, union: 9))
        #expect(try RunQueries.list(connection, provinceCode: "420000").isEmpty)

        let report = try RunReport.read(connection, runID: outcome.runID, limit: 3)
        #expect(report.sets.map(\.recordSet) == ["vehicles", "operators"])
        #expect(report.sets.first?.counts == outcome.sets.first?.counts)
        #expect(report.differences["vehicles"]?.map(\.seq) == [1, 2, 3])
        let mismatches = try RunReport.read(connection, runID: outcome.runID, limit: 10, category: .fieldMismatch)
        let vin = try #require(mismatches.differences["vehicles"]?.first)
        #expect(vin.keyText == "豫A10003 / 1")
        #expect(vin.fields == [FieldDifference(column: "vin", label: "车辆识别代号(VIN)",
                                               ministry: "LVSHCAMB1CE000001", province: "LVSHCAMB1CE000003")])
        let text = mismatches.rendered()
        #expect(text.contains("对账差异率 7 / 9 = 77.78%"))
        #expect(text.contains("#4  豫A10003 / 1  核心字段不一致 (部 1, 省 1)"))
        #expect(text.contains("车辆识别代号(VIN) [vin]: 部 \"LVSHCAMB1CE000001\"  省 \"LVSHCAMB1CE000003\""))
        #expect(RunSummary.renderTable(runs).contains("410000 河南省"))
        #expect(throws: RunQueryError.self) { try RunReport.read(connection, runID: 999_999) }
    }
}
