import Foundation
import PostgresClient
import ReconKit
import ReconRules
@testable import ReconSample
import ReconTestSupport
import Testing

@Suite("List progress")
struct ListProgressTests {
    /// Working days left of a list issued 2025-09-30 (days 1…5 = Oct 9, 10, 11 (make-up Sat), 13, 14).
    @Test(arguments: [("2025-09-30T12:00:00+08:00", 5), ("2025-10-05T12:00:00+08:00", 5), ("2025-10-10T12:00:00+08:00", 4),
                      ("2025-10-12T12:00:00+08:00", 2), ("2025-10-14T23:59:59+08:00", 1), ("2025-10-15T00:00:00+08:00", 0)])
    func workingDaysLeft(now: String, expected: Int) throws {
        let fixture = try ListFixture("progdays")
        let run = try fixture.run(differing: 1, official: true)
        try fixture.difference(run: run, set: "vehicles", seq: 1, key: [("plate_number", "豫A00001"), ("plate_colour", "2")],
                               category: "ministry_only", provinceCount: 0)
        _ = try ListIssuer(connection: fixture.results).issue(runID: run, official: true, issuedAt: at("2025-09-30T10:00:00+08:00"))
        let rows = try ListProgressQuery(connection: fixture.results).rows(province: "410000", quarter: try Quarter.parse("2025Q3"),
                                                                           now: at(now))
        #expect(rows.map(\.workingDaysLeft) == [expected])
        #expect(rows.map(\.provinceName) == ["河南省"])
        #expect(rows.map(\.outstanding) == [1])
        #expect(try ListProgressQuery(connection: fixture.results).rows(quarter: try Quarter.parse("2025Q4"), now: at(now)).isEmpty)
    }
}
