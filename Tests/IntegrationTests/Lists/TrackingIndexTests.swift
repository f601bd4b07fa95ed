import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

@Suite("Tracking joins on the normalised key")
struct TrackingIndexTests {
    /// The recommended expression indexes match the join's expressions, so the server can probe
    /// them key by key (the planner is pushed off the alternatives to show the index is usable).
    @Test(arguments: RecordSetSpec.reference)
    func recommendedIndexIsUsableByTheJoin(recordSet: RecordSetSpec) throws {
        let fixture = try ListFixture("trkidx")
        let query = TrackingQuery(recordSet)
        let indexes = try query.recommendedIndexes()
        try fixture.ministry.executeSimple(indexes.ministry)
        try fixture.province.executeSimple(indexes.province)
        for (side, sql, parameters) in [(fixture.ministry, try query.ministrySummary(), ["410000", "2025-09-30 10:00+08"]),
                                        (fixture.province, try query.provinceSummary(), [])] {
            try side.executeSimple(query.createKeysTable)
            try side.executeSimple("SET enable_seqscan = off; SET enable_bitmapscan = off; SET enable_hashjoin = off; SET enable_mergejoin = off")
            let plan = try side.execute("EXPLAIN " + sql, parameters).rows.compactMap { $0[0] }.joined(separator: "\n")
            #expect(plan.contains("Index Scan using recon_\(recordSet.name)_normalised_key"), "plan: \(plan)")
        }
    }

    /// With the indexes in place, tracking finds the same rows (dirty key spellings included).
    @Test func trackingWithTheIndexes() throws {
        let fixture = try ListFixture("trkidx2")
        let indexes = try TrackingQuery(.vehicles).recommendedIndexes()
        try fixture.ministry.executeSimple(indexes.ministry)
        try fixture.province.executeSimple(indexes.province)
        let run = try fixture.run(differing: 1)
        try fixture.difference(run: run, set: "vehicles", seq: 1, key: [("plate_number", "豫A12345"), ("plate_colour", "2")],
                               category: "field_mismatch", fields: [("vin", "车辆识别代号(VIN)", "A", "B")])
        let list = try ListIssuer(connection: fixture.results).issue(runID: run, issuedAt: at("2025-09-30T10:00:00+08:00")).list
        try fixture.ministryVehicle("豫ａ12345　", "2", vin: "b", submittedAt: "2025-10-09T10:00:00+08:00")
        try fixture.provinceVehicle(" 豫A12345", "2", vin: "B")
        let report = try fixture.tracker().track(at: at("2025-10-09T12:00:00+08:00"))
        #expect(report.lists.map(\.newlyReuploaded) == [1])
        #expect(report.lists.map(\.newlyResolved) == [1])
        #expect(try fixture.results.execute("SELECT on_time AND resolved AS ok FROM recon.list_items WHERE list_id = $1",
                                            [String(list.id)]).singleRow().bool("ok"))
    }
}
