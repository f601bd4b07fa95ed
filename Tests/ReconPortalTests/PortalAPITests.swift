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

@Suite("Portal API security and data")
struct PortalAPITests {
    @Test(arguments: ["/api/lists", "/api/lists/1", "/api/lists/1/download?format=csv", "/api/progress", "/api/scores"])
    func tokenRequired(uri: String) async throws {
        let fixture = try PortalFixture("p401")
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
            try await client.execute(uri: uri, method: .get, headers: bearer("rcn_" + String(repeating: "0", count: 64))) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: uri, method: .get, headers: [.authorization: "Basic abc"]) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    /// Every answer — data, download, page, 401, 404 — carries the hardening headers.
    @Test func securityHeadersOnEveryResponse() async throws {
        let fixture = try PortalFixture("pheaders")
        try await fixture.application().test(.router) { client in
            let requests: [(String, HTTPFields)] = [
                ("/api/lists", bearer(fixture.henanToken)), ("/api/lists/\(fixture.henanList)/download?format=csv", bearer(fixture.henanToken)),
                ("/api/lists", [:]), ("/api/lists/999999", bearer(fixture.henanToken)), ("/", [:]), ("/health", [:]),
            ]
            for (uri, headers) in requests {
                try await client.execute(uri: uri, method: .get, headers: headers) { response in
                    #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(uri)")
                    #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(uri)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(uri)")
                    #expect(response.headers[.cacheControl] == "no-store", "\(uri)")
                }
            }
        }
    }

    @Test func revokedTokenIsRefused() async throws {
        let fixture = try PortalFixture("prevoke")
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/api/lists", method: .get, headers: bearer(fixture.henanToken)) { response in
                #expect(response.status == .ok)
            }
            try PortalTokenStore(connection: fixture.results).revoke(id: fixture.henanTokenID)
            try await client.execute(uri: "/api/lists", method: .get, headers: bearer(fixture.henanToken)) { response in
                #expect(response.status == .unauthorized)
                let text = try errorMessage(response)
                #expect(text.contains("revoked"))
            }
        }
    }

    @Test func provinceSeesOnlyItsOwnLists() async throws {
        let fixture = try PortalFixture("pown")
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/api/lists", method: .get, headers: bearer(fixture.henanToken)) { response in
                let lists = try #require(try json(response)["lists"] as? [[String: Any]])
                #expect(lists.compactMap { $0["provinceCode"] as? String } == ["410000"])
                #expect(lists.compactMap { ($0["id"] as? NSNumber)?.int64Value } == [fixture.henanList])
            }
            for uri in ["/api/lists/\(fixture.hubeiList)", "/api/lists/\(fixture.hubeiList)/download?format=csv",
                        "/api/lists/\(fixture.hubeiList)/download?format=xlsx", "/api/lists?province=420000",
                        "/api/progress?province=420000", "/api/scores?province=420000", "/api/lists/999999"] {
                try await client.execute(uri: uri, method: .get, headers: bearer(fixture.henanToken)) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(!String(buffer: response.body).contains("湖北"), "\(uri)")
                }
            }
        }
        // A refused download is not recorded.
        #expect(try fixture.results.execute("SELECT count(*) AS n FROM recon.list_downloads").singleRow().int("n") == 0)
    }

    @Test func ministrySeesAll() async throws {
        let fixture = try PortalFixture("pmin")
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/api/lists", method: .get, headers: bearer(fixture.ministryToken)) { response in
                let lists = try #require(try json(response)["lists"] as? [[String: Any]])
                #expect(lists.compactMap { $0["provinceCode"] as? String } == ["410000", "420000"])
            }
            try await client.execute(uri: "/api/lists?province=420000", method: .get, headers: bearer(fixture.ministryToken)) { response in
                let lists = try #require(try json(response)["lists"] as? [[String: Any]])
                #expect(lists.compactMap { $0["provinceName"] as? String } == ["湖北省"])
            }
            try await client.execute(uri: "/api/lists/\(fixture.hubeiList)", method: .get, headers: bearer(fixture.ministryToken)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/scores", method: .get, headers: bearer(fixture.ministryToken)) { response in
                let body = try json(response)
                #expect(body["quarter"] as? String == "2025Q3")
                let scores = try #require(body["scores"] as? [[String: Any]])
                #expect(scores.compactMap { $0["provinceCode"] as? String } == ["410000", "420000"])
                // 河南: 5.00 + 0.00 + 4.50; indicator 12 at 999/1000 = 99.90%.
                #expect(scores.first?["subtotal"] as? String == "9.50")
                let indicators = try #require(scores.first?["indicators"] as? [[String: Any]])
                #expect(indicators.compactMap { $0["ratePercent"] as? String } == ["0.30", "33.33", "99.90"])
            }
            try await client.execute(uri: "/api/progress", method: .get, headers: bearer(fixture.ministryToken)) { response in
                let rows = try #require(try json(response)["progress"] as? [[String: Any]])
                #expect(rows.compactMap { ($0["outstanding"] as? NSNumber)?.intValue } == [3, 2])
                // Issued 2025-09-30; days 1…5 are Oct 9, 10, 11, 13, 14: on Oct 10 09:00, 4 are left.
                #expect(rows.compactMap { ($0["workingDaysLeft"] as? NSNumber)?.intValue } == [4, 4])
            }
        }
    }

    @Test(arguments: [ListFormat.csv, .xlsx])
    func downloadIsTheExportersFile(format: ListFormat) async throws {
        let fixture = try PortalFixture("pdl\(format)")
        let directory = NSTemporaryDirectory() + "portal-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The file `recon lists export` writes at the same instant (XLSX embeds no other clock).
        let exported = try ListExporter(connection: fixture.results)
            .export(listID: fixture.henanList, format: format, to: directory, now: try at(PortalFixture.now))
        let expected = try #require(FileManager.default.contents(atPath: exported.path))
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/api/lists/\(fixture.henanList)/download?format=\(format)", method: .get,
                                     headers: bearer(fixture.henanToken)) { response in
                #expect(response.status == .ok)
                #expect(Data(response.body.readableBytesView) == expected)
                #expect(response.headers[.contentDisposition]?.contains("filename*=UTF-8''") == true)
            }
        }
        let row = try fixture.results.execute("""
            SELECT d.who, d.format, l.first_download_at = '2025-10-10 09:00+08'::timestamptz AS received
            FROM recon.list_downloads d JOIN recon.lists l ON l.id = d.list_id
            """).singleRow()
        #expect(try row.string("who") == "河南省运政 (token \(fixture.henanTokenID))")
        #expect(try row.string("format") == format.rawValue)
        #expect(try row.bool("received"))
    }

    @Test func pagingWithinBounds() async throws {
        let fixture = try PortalFixture("ppage", henanItems: 5)
        try await fixture.application().test(.router) { client in
            for (page, expected) in [(1, [1, 2]), (2, [3, 4]), (3, [5])] {
                try await client.execute(uri: "/api/lists/\(fixture.henanList)?page=\(page)&size=2", method: .get,
                                         headers: bearer(fixture.henanToken)) { response in
                    let body = try json(response)
                    #expect((body["pages"] as? NSNumber)?.intValue == 3)
                    let items = try #require(body["items"] as? [[String: Any]])
                    #expect(items.compactMap { ($0["itemNo"] as? NSNumber)?.intValue } == expected)
                }
            }
        }
    }

    @Test(arguments: [
        ("?page=0", "page must be an integer"), ("?page=abc", "page must be an integer"), ("?page=4&size=2", "past the last page"),
        ("?size=0", "size must be an integer from 1 to 500"), ("?size=501", "size must be an integer from 1 to 500"),
        ("?size=-3", "size must be"), ("/download?format=pdf", "format must be csv or xlsx"),
    ])
    func badListParameters(query: String, message: String) async throws {
        let fixture = try PortalFixture("pbad", henanItems: 5)
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/api/lists/\(fixture.henanList)\(query)", method: .get,
                                     headers: bearer(fixture.henanToken)) { response in
                #expect(response.status == .badRequest)
                let text = try errorMessage(response)
                #expect(text.contains(message))
            }
        }
    }

    @Test(arguments: [
        ("/api/lists?quarter=2025Q5", "quarter must look like 2026Q4"), ("/api/progress?quarter=x", "quarter must look like"),
        ("/api/scores?quarter=25Q1", "quarter must look like"), ("/api/lists?province=41", "province must be a 6-digit code"),
        ("/api/lists/abc", "list id must be a positive integer"),
    ])
    func badQueryParameters(uri: String, message: String) async throws {
        let fixture = try PortalFixture("pbadq")
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: bearer(fixture.ministryToken)) { response in
                #expect(response.status == .badRequest)
                let text = try errorMessage(response)
                #expect(text.contains(message))
            }
        }
    }

    @Test func healthNeedsNoToken() async throws {
        let fixture = try PortalFixture("phealth")
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response)
                #expect(body["status"] as? String == "ok")
            }
        }
    }
}
