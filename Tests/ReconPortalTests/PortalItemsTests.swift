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

@Suite("Portal items browser, downloads of a filter, receipt, objections, methods and logs")
struct PortalItemsTests {
    func itemNos(_ response: TestResponse) throws -> [Int] {
        try #require(try json(response)["items"] as? [[String: Any]]).compactMap { ($0["itemNo"] as? NSNumber)?.intValue }
    }

    @Test func filtersSearchAndStates() async throws {
        let fixture = try PortalFixture("pitems", henanItems: 4, henanMismatch: true)
        // Item 1 re-uploaded on time and now consistent; item 2 re-uploaded on time, still differing;
        // item 3 re-uploaded late.
        try fixture.results.execute("""
            UPDATE recon.list_items SET reuploaded_at = '2025-10-09 10:00+08', reupload_kind = 'reupload', on_time = true,
                   resolved = (item_no = 1) WHERE list_id = $1 AND item_no IN (1, 2)
            """, [String(fixture.henanList)])
        try fixture.results.execute("""
            UPDATE recon.list_items SET reuploaded_at = '2025-10-16 10:00+08', reupload_kind = 'reupload', on_time = false
            WHERE list_id = $1 AND item_no = 3
            """, [String(fixture.henanList)])
        // Item 4 carries its ministry row and is paired with item 3 as a suspected same record.
        try fixture.results.execute("""
            UPDATE recon.list_items SET rows = '[{"side": "ministry", "values": [{"column": "plate_number", "label": "车牌号码", "value": "豫A10004"}, {"column": "owner", "label": "业户名称", "value": null}]}]',
                   rows_total = 1, suspect_item_no = 3, suspect_hint = '疑似同一记录：车牌颜色不一致'
            WHERE list_id = $1 AND item_no = 4
            """, [String(fixture.henanList)])
        let base = "/api/lists/\(fixture.henanList)"
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: base + "?q=a10004", method: .get, headers: bearer(fixture.henanToken)) { response in
                let item = try #require((try json(response)["items"] as? [[String: Any]])?.first)
                #expect((item["suspectItemNo"] as? NSNumber)?.intValue == 3 && item["suspectHint"] as? String == "疑似同一记录：车牌颜色不一致")
                let row = try #require((item["rows"] as? [[String: Any]])?.first)
                #expect(row["side"] as? String == "ministry" && (row["values"] as? [[String: Any]])?.count == 2)
            }
            for (query, expected) in [("", [1, 2, 3, 4, 5]), ("?status=consistent", [1]), ("?status=ontime", [2]), ("?status=late", [3]),
                                      ("?status=pending", [4, 5]), ("?status=overdue", []), ("?status=outstanding", [2, 3, 4, 5]),
                                      ("?q=a10002", [2]), ("?q=%E8%B1%ABB", [5]), ("?category=field_mismatch", [5]),
                                      ("?set=vehicles&status=pending&size=1&page=2", [5]), ("?set=operators", [])] {
                try await client.execute(uri: base + query, method: .get, headers: bearer(fixture.henanToken)) { response in
                    #expect(response.status == .ok, "\(query)")
                    let found = try itemNos(response)
                    #expect(found == expected, "\(query)")
                }
            }
            // The mismatch carries both sides' values.
            try await client.execute(uri: base + "?category=field_mismatch", method: .get, headers: bearer(fixture.henanToken)) { response in
                let item = try #require((try json(response)["items"] as? [[String: Any]])?.first)
                let field = try #require((item["fields"] as? [[String: Any]])?.first)
                #expect(field["label"] as? String == "车辆类型" && field["ministry"] as? String == "货车" && field["province"] as? String == "客车")
                #expect(item["status"] as? String == "pending" && item["statusLabel"] as? String == "待整改（期限内）")
            }
            // Pagination bounds with a filter: page past the end is 400, an empty selection has page 1.
            try await client.execute(uri: base + "?status=consistent&page=2", method: .get, headers: bearer(fixture.henanToken)) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: base + "?status=overdue", method: .get, headers: bearer(fixture.henanToken)) { response in
                let body = try json(response)
                #expect((body["total"] as? NSNumber)?.intValue == 0)
            }
            for bad in ["?status=bogus", "?set=ships", "?category=x", "?q=" + String(repeating: "a", count: 101)] {
                try await client.execute(uri: base + bad, method: .get, headers: bearer(fixture.henanToken)) { response in
                    #expect(response.status == .badRequest, "\(bad)")
                }
            }
            // The progress split adds up to the items.
            try await client.execute(uri: "/api/progress", method: .get, headers: bearer(fixture.henanToken)) { response in
                let row = try #require((try json(response)["progress"] as? [[String: Any]])?.first)
                let split = ["pending", "overdue", "reuploadedOnTime", "reuploadedLate", "consistent"].map { (row[$0] as? NSNumber)?.intValue ?? -1 }
                #expect(split == [2, 0, 1, 1, 1])
            }
            // The page shows the same, with the expandable fields and filtered download links.
            let (cookie, _) = try await fixture.login(client, token: fixture.henanToken)
            try await client.execute(uri: "/lists/\(fixture.henanList)?status=outstanding&q=%E8%B1%AB", method: .get, headers: [.cookie: cookie]) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(page.contains("共 4 条"))
                #expect(page.contains("<details><summary>1 个字段不一致</summary>") && page.contains("货车") && page.contains("客车"))
                #expect(page.contains("download?format=csv&amp;q=%E8%B1%AB&amp;status=outstanding"))
                #expect(page.contains("逾期上传（仍不一致）"))
                #expect(page.contains("疑似同一记录：车牌颜色不一致（见序号 3）") && page.contains("<th>字段</th><th>部级</th></tr><tr><td class=\"nowrap\">车牌号码</td><td>豫A10004</td></tr><tr><td class=\"nowrap\">业户名称</td><td>（空）</td></tr>"))
            }
            try await client.execute(uri: "/lists/\(fixture.henanList)?status=overdue", method: .get, headers: [.cookie: cookie]) { response in
                #expect(String(buffer: response.body).contains("暂无数据"))
            }
        }
    }

    /// "Download what I see": the filtered file is the exporter's file with the same filter.
    @Test(arguments: [ListFormat.csv, .xlsx])
    func filteredDownloadIsTheExportersFile(format: ListFormat) async throws {
        let fixture = try PortalFixture("pdlf\(format)", henanItems: 3, henanMismatch: true)
        let directory = NSTemporaryDirectory() + "portal-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let filter = ListItemFilter(category: "field_mismatch", states: Set(ItemProgressState.allCases.filter { $0 != .consistent }))
        let exported = try ListExporter(connection: fixture.results)
            .export(listID: fixture.henanList, format: format, to: directory, now: try at(PortalFixture.now), filter: filter)
        #expect(exported.items == 1)
        #expect(exported.path.hasSuffix("_筛选.\(format.fileExtension)"))
        let expected = try #require(FileManager.default.contents(atPath: exported.path))
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/api/lists/\(fixture.henanList)/download?format=\(format)&category=field_mismatch&status=outstanding",
                                     method: .get, headers: bearer(fixture.henanToken)) { response in
                #expect(response.status == .ok)
                #expect(Data(response.body.readableBytesView) == expected)
            }
        }
        if format == .csv {
            let text = String(decoding: expected, as: UTF8.self)
            #expect(text.contains("豫B00001") && !text.contains("豫A10001"))
        }
    }

    /// 接收时间 is the province's first download: the ministry's download is recorded but sets nothing.
    @Test func receiptIsTheProvincesFirstDownload() async throws {
        let fixture = try PortalFixture("preceipt")
        try await fixture.application().test(.router) { client in
            let uri = "/api/lists/\(fixture.henanList)/download?format=csv"
            try await client.execute(uri: uri, method: .get, headers: bearer(fixture.ministryToken)) { #expect($0.status == .ok) }
            let afterMinistry = try fixture.results.execute("SELECT first_download_at IS NULL AS unset FROM recon.lists WHERE id = $1",
                                                            [String(fixture.henanList)]).singleRow()
            #expect(try afterMinistry.bool("unset"))
            fixture.clock.advance(seconds: 3600)
            try await client.execute(uri: uri, method: .get, headers: bearer(fixture.henanToken)) { #expect($0.status == .ok) }
            let row = try fixture.results.execute("""
                SELECT first_download_at = '2025-10-10 10:00+08'::timestamptz AS received,
                       (SELECT count(*) FROM recon.list_downloads WHERE list_id = $1) AS downloads
                FROM recon.lists WHERE id = $1
                """, [String(fixture.henanList)]).singleRow()
            #expect(try row.bool("received"))
            #expect(try row.int("downloads") == 2)
        }
    }

    @Test func wrongMethodIs405AndHeadAnswersLikeGet() async throws {
        let fixture = try PortalFixture("pmethods")
        try await fixture.application().test(.router) { client in
            for (uri, method, allow) in [("/api/lists", HTTPRequest.Method.post, "GET, HEAD"), ("/login", .get, "POST"),
                                         ("/api/lists/1/download", .delete, "GET, HEAD"), ("/health", .put, "GET, HEAD"),
                                         ("/objections/3/accept", .get, "POST")] {
                try await client.execute(uri: uri, method: method, headers: bearer(fixture.henanToken)) { response in
                    #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                    #expect(response.headers[.allow] == allow, "\(method) \(uri)")
                }
            }
            try await client.execute(uri: "/api/lists", method: .head, headers: bearer(fixture.henanToken)) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.cacheControl] == "no-store")
            }
            try await client.execute(uri: "/api/lists/\(fixture.henanList)/download?format=csv", method: .head,
                                     headers: bearer(fixture.henanToken)) { response in
                #expect(response.status == .ok && response.body.readableBytes == 0)
                #expect(response.headers[.contentDisposition]?.contains("attachment") == true)
            }
            // HEAD of a download neither exports nor counts as a receipt.
            #expect(try fixture.results.execute("SELECT count(*) AS n FROM recon.list_downloads").singleRow().int("n") == 0)
            try await client.execute(uri: "/api/lists", method: .get, headers: [.contentLength: "99999999"]) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test func requestLogNamesCallerAndRedactsTokens() async throws {
        let fixture = try PortalFixture("plogs")
        let logs = LogCollector()
        try await fixture.application(logs: logs).test(.router) { client in
            try await client.execute(uri: "/api/lists", method: .get, headers: bearer(fixture.henanToken)) { _ in }
            try await client.execute(uri: "/api/lists?token=\(fixture.henanToken)", method: .get, headers: bearer("rcn_" + String(repeating: "1", count: 64))) { _ in }
            try await client.execute(uri: "/api/lists/\(fixture.hubeiList)", method: .get, headers: bearer(fixture.henanToken)) { _ in }
            try await client.execute(uri: "/health", method: .get) { _ in }
        }
        let lines = logs.lines.filter { $0.contains(" request ") }
        #expect(lines.count == 4)
        #expect(lines[0].contains("caller=province 410000 (token \(fixture.henanTokenID))") && lines[0].contains("status=200") && lines[0].contains("ms="))
        #expect(lines[1].hasPrefix("warning") && lines[1].contains("security=auth-failed") && lines[1].contains("token=REDACTED") && lines[1].contains("status=401"))
        #expect(lines[2].contains("security=cross-province") && lines[2].contains("status=404"))
        #expect(lines[3].contains("caller=anonymous"))
        #expect(!logs.lines.joined().contains(fixture.henanToken))
    }

    @Test func poolIsBoundedAndReused() async throws {
        let fixture = try PortalFixture("ppool")
        let database = PortalDatabase(dsn: fixture.database.dsn, maxConnections: 2)
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<12 {
                group.addTask { try await database.run { try $0.execute("SELECT pg_backend_pid() AS p, pg_sleep(0.02)").singleRow().int("p") } }
            }
            var pids = Set<Int>()
            for try await pid in group { pids.insert(pid) }
            #expect(pids.count <= 2)
        }
        #expect(database.poolState.open <= 2 && database.poolState.inUse == 0)
        // A statement error leaves the connection usable for the next request.
        await #expect(throws: (any Error).self) { try await database.run { try $0.execute("SELECT nope") } }
        #expect(try await database.run { try $0.execute("SELECT 1 AS x").singleRow().int("x") } == 1)
    }

    @Test func objectionsInThePublicNotice() async throws {
        let fixture = try PortalFixture("pobject")
        // The fixture's 2025Q3 scoring is the version on notice until 2025-10-31.
        try await fixture.application().test(.router) { client in
            let (henan, henanCSRF) = try await fixture.login(client, token: fixture.henanToken)
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .origin: "http://localhost", .cookie: henan]
            try await client.execute(uri: "/?quarter=2025Q3", method: .get, headers: [.cookie: henan]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("公示期至 2025-10-31") && page.contains("action=\"/objections\""))
            }
            let raise = "csrf=\(henanCSRF)&quarter=2025Q3&indicator=11&text=%E6%95%B4%E6%94%B9%E7%8E%87%E6%9C%89%E8%AF%AF"
            try await client.execute(uri: "/objections", method: .post, headers: headers, body: ByteBuffer(string: raise)) { response in
                #expect(response.status == .seeOther)
            }
            // One open objection per indicator.
            try await client.execute(uri: "/objections", method: .post, headers: headers, body: ByteBuffer(string: raise)) { response in
                #expect(response.status == .conflict)
                let page = String(buffer: response.body)
                #expect(page.contains("指标11已有一条异议等待部级处理"), "\(page)")
                #expect(!page.contains("already"))
            }
            // The ministry does not raise, the province does not decide.
            let (ministry, ministryCSRF) = try await fixture.login(client, token: fixture.ministryToken)
            let id = try fixture.results.execute("SELECT id FROM recon.objections").singleRow().int("id")
            try await client.execute(uri: "/objections/\(id)/reject", method: .post, headers: headers,
                                     body: ByteBuffer(string: "csrf=\(henanCSRF)&reason=x")) { #expect($0.status == .forbidden) }
            headers[.cookie] = ministry
            try await client.execute(uri: "/objections", method: .post, headers: headers,
                                     body: ByteBuffer(string: "csrf=\(ministryCSRF)&quarter=2025Q3&indicator=10&text=x")) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/?quarter=2025Q3", method: .get, headers: [.cookie: ministry]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("整改率有误") && page.contains("/objections/\(id)/accept"))
            }
            try await client.execute(uri: "/objections/\(id)/accept", method: .post, headers: headers,
                                     body: ByteBuffer(string: "csrf=\(ministryCSRF)&numerator=2&denominator=3&reason=%E6%A0%B8%E5%AE%9E")) { response in
                #expect(response.status == .seeOther)
            }
            // Deciding it again is refused in Chinese.
            try await client.execute(uri: "/objections/\(id)/reject", method: .post, headers: headers,
                                     body: ByteBuffer(string: "csrf=\(ministryCSRF)&reason=x")) { response in
                #expect(response.status == .conflict)
                let page = String(buffer: response.body)
                #expect(page.contains("异议 \(id) 已处理（已采纳），不能再次处理。") && !page.contains("already"))
            }
            try await client.execute(uri: "/api/objections", method: .get, headers: bearer(fixture.henanToken)) { response in
                let objection = try #require((try json(response)["objections"] as? [[String: Any]])?.first)
                #expect(objection["status"] as? String == "accepted" && objection["decisionReason"] as? String == "核实")
            }
            try await client.execute(uri: "/api/objections", method: .get, headers: bearer(fixture.hubeiToken)) { response in
                let body = try json(response)
                #expect((body["objections"] as? [[String: Any]])?.isEmpty == true)
            }
            // The province's page shows the decision; the scores are the correction version.
            try await client.execute(uri: "/?quarter=2025Q3", method: .get, headers: [.cookie: henan]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("已采纳") && page.contains("核实"))
                #expect(page.contains("66.66%"))
            }
            try await client.execute(uri: "/api/history", method: .get, headers: bearer(fixture.henanToken)) { response in
                let quarters = try #require(try json(response)["quarters"] as? [[String: Any]])
                #expect(quarters.compactMap { $0["quarter"] as? String } == ["2025Q3"])
                #expect((quarters.first?["version"] as? NSNumber)?.intValue == 2)
            }
            // After the notice: no objection form, and raising is refused by the lifecycle.
            fixture.clock.set(try at("2025-11-01T09:00:00+08:00"))
            let (late, lateCSRF) = try await fixture.login(client, token: fixture.henanToken)
            headers[.cookie] = late
            try await client.execute(uri: "/?quarter=2025Q3", method: .get, headers: [.cookie: late]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("当前不在公示期") && !page.contains("action=\"/objections\""))
            }
            try await client.execute(uri: "/objections", method: .post, headers: headers,
                                     body: ByteBuffer(string: "csrf=\(lateCSRF)&quarter=2025Q3&indicator=10&text=x")) { response in
                #expect(response.status == .conflict)
                let page = String(buffer: response.body)
                #expect(page.contains("2025Q3 的公示期已于 2025-10-31 24:00 结束，无法提出异议"), "\(page)")
                #expect(!page.contains("cannot") && !page.contains("public notice"))
            }
        }
    }
}
