import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresClient
import ReconKit
import ReconRules
import ReconPortal
import ReconTestSupport
import Testing

/// `/api/progress` answers one quarter (its cost does not grow with history), and the pages show
/// the counts behind what they state: the draft ranking's rates with numerator/denominator, and a
/// list's items as 已一致 / 仍不一致.
@Suite("Portal: progress of one quarter, counts behind rates and states")
struct PortalScopeAndCountsTests {
    /// A self-check list of 河南 moved to `quarter` (an earlier quarter's history).
    func olderList(_ fixture: PortalFixture, quarter: String) throws -> Int64 {
        let run = try fixture.results.execute("""
            INSERT INTO recon.runs (province_code, status, started_at, finished_at, record_sets, differing_keys, union_keys)
            VALUES ('410000', 'completed', '2025-07-02T08:00:00+08:00', '2025-07-02T09:00:00+08:00',
                    ARRAY['operators','practitioners','vehicles'], 0, 100) RETURNING id
            """).singleRow().int("id")
        let list = try ListIssuer(connection: fixture.results).issue(runID: Int64(run), official: false,
                                                                     issuedAt: try at("2025-07-02T10:00:00+08:00")).list
        try fixture.results.execute("UPDATE recon.lists SET quarter = $2 WHERE id = $1", [String(list.id), quarter])
        return list.id
    }

    func listIDs(_ response: TestResponse) throws -> [Int64] {
        try #require(try json(response)["progress"] as? [[String: Any]]).compactMap { ($0["listId"] as? NSNumber)?.int64Value }
    }

    @Test func progressAnswersTheCurrentQuarterUnlessAsked() async throws {
        let fixture = try PortalFixture("pprogscope")
        let older = try olderList(fixture, quarter: "2025Q2")
        try await fixture.application(maxConnections: 2).test(.router) { client in
            // The quarter the pages open on (the newest with an official list): 2025Q3 only.
            try await client.execute(uri: "/api/progress", method: .get, headers: bearer(fixture.ministryToken)) { response in
                #expect(response.status == .ok)
                let ids = try listIDs(response)
                #expect(ids == [fixture.henanList, fixture.hubeiList])
            }
            try await client.execute(uri: "/api/progress?quarter=2025Q2", method: .get, headers: bearer(fixture.ministryToken)) { response in
                let ids = try listIDs(response)
                #expect(ids == [older])
            }
            try await client.execute(uri: "/api/progress", method: .get, headers: bearer(fixture.henanToken)) { response in
                let ids = try listIDs(response)
                #expect(ids == [fixture.henanList])
            }
            try await client.execute(uri: "/api/progress?quarter=2025Q2", method: .get, headers: bearer(fixture.henanToken)) { response in
                let ids = try listIDs(response)
                #expect(ids == [older])
            }
            // 湖北 has no list in 2025Q2, and asking another quarter is an empty answer, not an error.
            try await client.execute(uri: "/api/progress?quarter=2025Q2", method: .get, headers: bearer(fixture.hubeiToken)) { response in
                #expect(response.status == .ok)
                let ids = try listIDs(response)
                #expect(ids.isEmpty)
            }
        }
    }

    @Test func draftRankingShowsTheCountsBehindEachRate() async throws {
        let fixture = try PortalFixture("prankcounts")
        try await fixture.application(maxConnections: 2).test(.router) { client in
            let (cookie, _) = try await fixture.login(client, token: fixture.ministryToken)
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                let page = String(buffer: response.body)
                let ranking = try #require(page.range(of: "公示稿排名")).upperBound
                let section = String(page[ranking...]).components(separatedBy: "</table>").first ?? ""
                // 河南: 3/1000 (indicator 10 rounds up), 1/3 and 999/1000 (11 and 12 truncate); 湖北 likewise.
                for cell in ["<td>0.30%（3/1000）</td>", "<td>33.33%（1/3）</td>", "<td>99.90%（999/1000）</td>",
                             "<td>0.20%（2/1000）</td>", "<td>100.00%（2/2）</td>", "<td>100.00%（1000/1000）</td>"] {
                    #expect(section.contains(cell), "\(cell)")
                }
                #expect(section.contains("<td>9.50</td>") && section.contains("<td>15.00</td>"))
            }
        }
    }

    @Test func historyShowsTheCountsBehindEachRate() async throws {
        let fixture = try PortalFixture("phistcounts")
        try await fixture.application(maxConnections: 2).test(.router) { client in
            let (cookie, _) = try await fixture.login(client, token: fixture.henanToken)
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                let page = String(buffer: response.body)
                let history = String(page[try #require(page.range(of: "历史评分")).upperBound...])
                #expect(history.contains("0.30%（3/1000） · 5.00 分"))
                #expect(history.contains("33.33%（1/3） · 0.00 分"))
                #expect(history.contains("99.90%（999/1000） · 4.50 分"))
            }
            try await client.execute(uri: "/api/history", method: .get, headers: bearer(fixture.henanToken)) { response in
                let quarters = try #require(try json(response)["quarters"] as? [[String: Any]])
                let indicators = try #require(quarters.first?["indicators"] as? [[String: Any]])
                #expect(indicators.compactMap { ($0["numerator"] as? NSNumber)?.intValue } == [3, 1, 999])
                #expect(indicators.compactMap { ($0["denominator"] as? NSNumber)?.intValue } == [1000, 3, 1000])
            }
        }
    }

    @Test func itemsPageCountsConsistentAndStillDifferingItems() async throws {
        let fixture = try PortalFixture("pitemcounts", henanItems: 3)
        try fixture.results.execute("""
            UPDATE recon.list_items SET reuploaded_at = '2025-10-09 10:00+08', reupload_kind = 'reupload', on_time = true,
                   resolved = true, resolved_at = '2025-10-09 11:00+08' WHERE list_id = $1 AND item_no = 1
            """, [String(fixture.henanList)])
        try await fixture.application(maxConnections: 2).test(.router) { client in
            let (cookie, _) = try await fixture.login(client, token: fixture.henanToken)
            try await client.execute(uri: "/lists/\(fixture.henanList)", method: .get, headers: [.cookie: cookie]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("已一致 1 条"))
                #expect(page.contains("仍不一致 2 条"))
            }
            // A filter narrows the rows shown, never the list's counts.
            try await client.execute(uri: "/lists/\(fixture.henanList)?status=consistent", method: .get, headers: [.cookie: cookie]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("共 1 条") && page.contains("已一致 1 条") && page.contains("仍不一致 2 条"))
            }
        }
    }
}
