import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ReconKit
@testable import ReconPortal
import ReconRules
import Testing

/// What real browsers send (issue 23): `Origin: null` with no Referer under a strict referrer policy,
/// large objections, keys typed as shown, failed-login bursts; and what must stay refused.
@Suite("Portal forms as browsers send them")
struct PortalBrowserFormTests {
    /// ASCII letters and digits: everything else percent-encoded, as a browser's form encoding does.
    static let ascii = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    func itemNos(_ response: TestResponse) throws -> [Int] {
        try #require(try json(response)["items"] as? [[String: Any]]).compactMap { ($0["itemNo"] as? NSNumber)?.intValue }
    }

    /// The login form's token and its cookie, as the login page sets them.
    func loginForm(_ client: some TestClientProtocol) async throws -> (token: String, cookie: String) {
        try await client.execute(uri: "/", method: .get) { response in
            let token = try #require(hiddenCSRF(String(buffer: response.body)))
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("recon_login_csrf=") })
            return (token, String(cookie.prefix { $0 != ";" }))
        }
    }

    @Test func referrerPolicyKeepsTheOriginOfOwnForms() async throws {
        let fixture = try PortalFixture("pbrefpol")
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            }
        }
    }

    /// Chromium under `no-referrer` sends `Origin: null` and no Referer: accepted with the
    /// synchronizer tokens (login, objection, logout), refused without them.
    @Test func opaqueOriginNeedsTheSynchronizerToken() async throws {
        let fixture = try PortalFixture("pbnull")
        try await fixture.application().test(.router) { client in
            let (token, cookie) = try await loginForm(client)
            let null: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .origin: "null", .cookie: cookie]
            // A wrong or missing login token with Origin null: refused.
            for body in ["token=\(fixture.henanToken)", "token=\(fixture.henanToken)&csrf=a"] {
                try await client.execute(uri: "/login", method: .post, headers: null, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .forbidden, "\(body)")
                }
            }
            let session = try await client.execute(uri: "/login", method: .post, headers: null,
                                                   body: ByteBuffer(string: "token=\(fixture.henanToken)&csrf=\(token)")) { response in
                #expect(response.status == .seeOther)
                let set = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("recon_session=rcs_") })
                return String(set.prefix { $0 != ";" })
            }
            let csrf = try await client.execute(uri: "/", method: .get, headers: [.cookie: session]) { try #require(hiddenCSRF(String(buffer: $0.body))) }
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .origin: "null", .cookie: session]
            let raise = "quarter=2025Q3&indicator=11&text=%E6%9C%89%E8%AF%AF"
            try await client.execute(uri: "/objections", method: .post, headers: headers, body: ByteBuffer(string: raise + "&csrf=bad")) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/objections", method: .post, headers: headers, body: ByteBuffer(string: raise + "&csrf=\(csrf)")) { response in
                #expect(response.status == .seeOther)
            }
            // A foreign origin stays refused even with the right token.
            headers[.origin] = "https://evil.example"
            try await client.execute(uri: "/logout", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(csrf)")) { response in
                #expect(response.status == .forbidden)
            }
            headers[.origin] = "null"
            try await client.execute(uri: "/logout", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(csrf)")) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: "/api/lists", method: .get, headers: [.cookie: session]) { #expect($0.status == .unauthorized) }
        }
    }

    /// The login token is the server's, not a double-submit value the attacker picks.
    @Test func loginTokenIsBoundToTheServer() async throws {
        let fixture = try PortalFixture("pbbound")
        try await fixture.application().test(.router) { client in
            let base: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .origin: "http://localhost"]
            for chosen in ["a", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                           "1700000000.0123456789abcdef0123456789abcdef.0000000000000000000000000000000000000000000000000000000000000000"] {
                var headers = base
                headers[.cookie] = "recon_login_csrf=\(chosen)"
                try await client.execute(uri: "/login", method: .post, headers: headers,
                                         body: ByteBuffer(string: "token=\(fixture.henanToken)&csrf=\(chosen)")) { response in
                    #expect(response.status == .forbidden, "\(chosen)")
                    #expect(!response.headers[values: .setCookie].contains { $0.hasPrefix("recon_session=rcs_") })
                }
            }
            // A real token an hour and more old is refused; a fresh one passes.
            let (old, oldCookie) = try await loginForm(client)
            fixture.clock.advance(seconds: 3601)
            var headers = base
            headers[.cookie] = oldCookie
            try await client.execute(uri: "/login", method: .post, headers: headers,
                                     body: ByteBuffer(string: "token=\(fixture.henanToken)&csrf=\(old)")) { #expect($0.status == .forbidden) }
            let (fresh, freshCookie) = try await loginForm(client)
            headers[.cookie] = freshCookie
            try await client.execute(uri: "/login", method: .post, headers: headers,
                                     body: ByteBuffer(string: "token=\(fixture.henanToken)&csrf=\(fresh)")) { #expect($0.status == .seeOther) }
        }
    }

    @Test func hmacMatchesRFC4231() {
        let mac = HMACSHA256.mac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(HMACSHA256.hex(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(HMACSHA256.hex(SHA256.digest([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = HMACSHA256.mac(key: [UInt8](repeating: 0xaa, count: 131),
                                  message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
        #expect(HMACSHA256.hex(long) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    /// A 1,000-character Chinese objection (≈ 9 KB form-encoded) is accepted; one over the limit is
    /// a Chinese page, never JSON.
    @Test func longObjectionIsAccepted() async throws {
        let fixture = try PortalFixture("pblong")
        try await fixture.application().test(.router) { client in
            let (cookie, csrf) = try await fixture.login(client, token: fixture.henanToken)
            let text = String(repeating: "整改率计算有误请核对", count: 100)
            #expect(text.count == 1000)
            let encoded = text.addingPercentEncoding(withAllowedCharacters: Self.ascii) ?? ""
            let body = "csrf=\(csrf)&quarter=2025Q3&indicator=11&text=\(encoded)"
            #expect(body.utf8.count > 9000)
            let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .origin: "http://localhost", .cookie: cookie]
            try await client.execute(uri: "/objections", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .seeOther, "\(String(buffer: response.body))")
            }
            let stored = try fixture.results.execute("SELECT text FROM recon.objections").singleRow().string("text")
            #expect(stored == text)
            let huge = ByteBuffer(string: body + String(repeating: "x", count: PortalLimits.maxBodyBytes))
            try await client.execute(uri: "/objections", method: .post, headers: headers, body: huge) { response in
                #expect(response.status == .contentTooLarge)
                let page = String(buffer: response.body)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(page.contains("请求内容过大") && !page.contains("{\"error\""))
            }
            // A download link clicked after the session ended: a Chinese page, not JSON.
            try await client.execute(uri: "/api/lists/\(fixture.henanList)/download?format=csv", method: .get,
                                     headers: [.cookie: "recon_session=rcs_" + String(repeating: "0", count: 64), .accept: "text/html,*/*"]) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("会话已过期，请重新登录"))
            }
        }
    }

    /// Keys as the page shows them, typed with spaces, without, full-width or lower case; names,
    /// VINs and ID numbers of the records.
    @Test func searchAsThePageShowsKeys() async throws {
        let fixture = try PortalFixture("pbsearch", henanItems: 12)
        try fixture.results.execute("""
            UPDATE recon.list_items SET rows = '[{"side": "province", "values": [{"column": "plate_number", "label": "车牌号码", "value": "豫A10004"}, {"column": "vin", "label": "车辆识别代号(VIN)", "value": "LFV2A21K7A3045678"}, {"column": "name", "label": "业户名称", "value": "郑州顺达运输有限公司"}]}]',
                   rows_total = 1
            WHERE list_id = $1 AND item_no = 4
            """, [String(fixture.henanList)])
        try fixture.results.execute("""
            UPDATE recon.list_items SET fields = '[{"column": "id_number", "label": "身份证件号码", "ministry": "41010219800101123X", "province": "410102198001011234"}]'
            WHERE list_id = $1 AND item_no = 7
            """, [String(fixture.henanList)])
        let base = "/api/lists/\(fixture.henanList)"
        try await fixture.application().test(.router) { client in
            for (query, expected) in [("豫A10011 / 2", [11]), ("豫A10011/2", [11]), ("豫Ａ１００１１", [11]), ("豫a10011 /2", [11]),
                                      ("ａ１０００４　／　２", [4]), ("lfv2a21k7a3045678", [4]), ("顺达运输", [4]),
                                      ("41010219800101123x", [7]), ("豫A10001 / 3", [])] {
                let q = query.addingPercentEncoding(withAllowedCharacters: Self.ascii) ?? ""
                try await client.execute(uri: base + "?q=\(q)", method: .get, headers: bearer(fixture.henanToken)) { response in
                    #expect(response.status == .ok, "\(query)")
                    let found = try itemNos(response)
                    #expect(found == expected, "\(query)")
                }
            }
            // The download takes the same search.
            let q = "豫A10011/2".addingPercentEncoding(withAllowedCharacters: Self.ascii) ?? ""
            try await client.execute(uri: base + "/download?format=csv&q=\(q)", method: .get, headers: bearer(fixture.henanToken)) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("豫A10011") && !text.contains("豫A10010"))
            }
        }
        #expect(ListItemFilter.searchForm("ＨＢＶ２５８ / 1") == "HBV258/1")
    }

    /// Failed logins of one address are throttled (429, Chinese page) after the burst; other
    /// addresses are not.
    @Test func failedLoginsAreThrottledPerAddress() async throws {
        let fixture = try PortalFixture("pbthrottle")
        let logs = LogCollector()
        try await fixture.application(logs: logs).test(.router) { client in
            let (token, cookie) = try await loginForm(client)
            let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .origin: "http://localhost", .cookie: cookie]
            for attempt in 1...10 {
                try await client.execute(uri: "/login", method: .post, headers: headers,
                                         body: ByteBuffer(string: "token=rcn_guess\(attempt)&csrf=\(token)")) { #expect($0.status == .unauthorized) }
            }
            // The 11th, even with a valid token, waits.
            try await client.execute(uri: "/login", method: .post, headers: headers,
                                     body: ByteBuffer(string: "token=\(fixture.henanToken)&csrf=\(token)")) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] != nil)
                let page = String(buffer: response.body)
                #expect(page.contains("登录失败次数过多") && response.headers[.contentType]?.hasPrefix("text/html") == true)
            }
        }
        // Ten failures and a refusal: a few lines with the count, not one line each.
        let failures = logs.lines.filter { $0.contains(" request ") && $0.contains("security=") }
        #expect(failures.count <= 2, "\(failures)")
        #expect(failures.first?.contains("client=") == true)
        let throttle = LoginThrottle(limit: 3, window: 60)
        let start = try at("2026-10-22T10:00:00+08:00")
        for _ in 0..<3 { throttle.fail("10.0.0.1", now: start) }
        #expect(throttle.blockedUntil("10.0.0.1", now: start) != nil)
        #expect(throttle.blockedUntil("10.0.0.2", now: start) == nil)
        #expect(throttle.blockedUntil("10.0.0.1", now: start.addingTimeInterval(61)) == nil)
        let aggregator = FailureLogAggregator(window: 60)
        #expect(aggregator.record("a", now: start) == (true, 0))
        #expect(aggregator.record("a", now: start.addingTimeInterval(1)) == (false, 0))
        #expect(aggregator.record("a", now: start.addingTimeInterval(2)) == (false, 0))
        #expect(aggregator.record("a", now: start.addingTimeInterval(61)) == (true, 2))
    }

    /// A token or session id anywhere in the request line is redacted.
    @Test func secretsAnywhereInTheRequestLineAreRedacted() {
        let token = "rcn_" + String(repeating: "ab12", count: 16)
        let hex = String(repeating: "0f", count: 32)
        let session = "rcs_" + hex
        for uri in ["/api/lists/\(token)", "/%72cn_\(hex)", "/\(hex)", "/api/lists/1/\(hex)/download", "/x?\(token)",
                    "/x?q=\(hex)", "/x?a=%2572cn_\(hex)", "/lists/\(session)?page=1", "/rcn%5F\(hex)", "/x?\(hex)=1"] {
            let shown = RequestLogMiddleware.redacted(uri)
            #expect(!shown.contains(hex) && !shown.contains("ab12ab12ab12"), "\(uri) → \(shown)")
            #expect(shown.contains("REDACTED"), "\(uri)")
        }
        #expect(RequestLogMiddleware.redacted("/lists/12?page=2&q=%E8%B1%AB") == "/lists/12?page=2&q=%E8%B1%AB")
    }

    /// The stage in words, the rank once published, and for each indicator the band and the
    /// deduction; the ministry's decision forms show the current counts and ask to confirm.
    @Test func scoresSayStageRankAndBand() async throws {
        let fixture = try PortalFixture("pbscores")
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/api/scores?quarter=2025Q3", method: .get, headers: bearer(fixture.henanToken)) { response in
                let body = try json(response)
                #expect(body["stage"] as? String == "onNotice" && (body["version"] as? NSNumber)?.intValue == 1)
                #expect(body["noticeEnds"] as? String == "2025-10-31")
                #expect(body["stageLabel"] as? String == "公示中，公示期至 2025-10-31 24:00（第1版）")
                let province = try #require((body["scores"] as? [[String: Any]])?.first)
                #expect(province["rank"] == nil)
                let eleven = try #require((province["indicators"] as? [[String: Any]])?.first { ($0["indicator"] as? NSNumber)?.intValue == 11 })
                #expect(eleven["band"] as? String == "低于95%，每下降1%扣0.5分（95%时为4分）" && eleven["deduction"] as? String == "扣5.00分")
                #expect((eleven["numerator"] as? NSNumber)?.intValue == 1 && (eleven["denominator"] as? NSNumber)?.intValue == 3)
            }
            let (cookie, _) = try await fixture.login(client, token: fixture.henanToken)
            try await client.execute(uri: "/?quarter=2025Q3", method: .get, headers: [.cookie: cookie]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("公示中，公示期至 2025-10-31 24:00（第1版）"))
                #expect(page.contains("排名在评价结果公布后显示"))
                #expect(page.contains("低于95%，每下降1%扣0.5分（95%时为4分）；扣5.00分"))
                #expect(page.contains("低于1%，得5分；未扣分"))   // 10: 3/1000
            }
            // The ministry's forms: labelled, the current counts, a confirmation.
            try fixture.results.execute("""
                INSERT INTO recon.objections (quarter, province_code, indicator, scoring_id, text, raised_at, raised_by)
                SELECT '2025Q3', '410000', 11, id, '整改率有误', '2025-10-10T09:00:00+08:00', '河南省运政 (token 1)' FROM recon.scorings
                """)
            let (ministry, _) = try await fixture.login(client, token: fixture.ministryToken)
            try await client.execute(uri: "/?quarter=2025Q3", method: .get, headers: [.cookie: ministry]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("当前分子 1 / 分母 3（33.33%，得分 0.00）"))
                #expect(page.contains("<label>修正后分子 <input name=\"numerator\" value=\"1\"") && page.contains("<label>不予采纳理由"))
                #expect(page.contains("data-confirm=\"确认采纳异议") && page.contains("data-confirm=\"确认不予采纳异议"))
            }
            try fixture.results.execute("UPDATE recon.objections SET status = 'rejected', decided_at = now(), decided_by = '部级', decision_reason = 'x'")
            // After the notice: 待公布; after publication: 已公布 with the rank.
            fixture.clock.set(try at("2025-11-01T09:00:00+08:00"))
            try await client.execute(uri: "/api/scores?quarter=2025Q3", method: .get, headers: bearer(fixture.henanToken)) { response in
                let stage = try json(response)["stage"] as? String
                #expect(stage == "noticeOver")
            }
            let lifecycle = QuarterLifecycle(results: fixture.results, calendar: try CalendarStore(connection: fixture.results).calendar())
            _ = try lifecycle.publish(try #require(Quarter("2025Q3")), by: "部级", at: try at("2025-11-01T09:00:00+08:00"))
            try await client.execute(uri: "/api/scores?quarter=2025Q3", method: .get, headers: bearer(fixture.henanToken)) { response in
                let body = try json(response)
                #expect(body["stage"] as? String == "published" && body["publishedAt"] as? String != nil)
                let province = try #require((body["scores"] as? [[String: Any]])?.first)
                #expect((province["rank"] as? NSNumber)?.intValue == 2)   // 河南 9.50 behind 湖北 15.00
            }
            let (late, _) = try await fixture.login(client, token: fixture.henanToken)
            try await client.execute(uri: "/?quarter=2025Q3", method: .get, headers: [.cookie: late]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("本季度排名：第 2 名") && page.contains("已公布（"))
            }
        }
        #expect(ScoreExplanation.band(indicator: 11, numerator: 47, denominator: 51) == "低于95%，每下降1%扣0.5分（95%时为4分）")
        #expect(ScoreExplanation.band(indicator: 11, numerator: 99, denominator: 100) == "99%及以上，得5分")
        #expect(ScoreExplanation.band(indicator: 10, numerator: 1, denominator: 100) == "1%以上，每上升1%扣0.5分（不足1%按1%计）")
        #expect(ScoreExplanation.band(indicator: 10, numerator: 99, denominator: 10_000) == "低于1%，得5分")
        #expect(ScoreExplanation.band(indicator: 12, numerator: 90, denominator: 100) == "90%至95%之间，每下降1%扣0.5分")
        #expect(ScoreExplanation.band(indicator: 12, numerator: 8999, denominator: 10_000) == "低于90%，每下降1%扣1分（90%时为2.5分）")
        #expect(ScoreExplanation.deduction(score: "2.59") == "扣2.41分" && ScoreExplanation.deduction(score: "5.00") == "未扣分")
    }
}
