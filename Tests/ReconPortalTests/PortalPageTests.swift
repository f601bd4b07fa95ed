import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ReconKit
import ReconPortal
import ReconRules
import Testing

@Suite("Portal pages")
struct PortalPageTests {
    let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .origin: "http://localhost"]

    @Test func loginOpensAServerSideSession() async throws {
        let fixture = try PortalFixture("plogin")
        try await fixture.application().test(.router) { client in
            let (cookie, csrf) = try await fixture.login(client, token: fixture.henanToken)
            // The cookie holds a session id, never the token; only its hash is stored.
            #expect(cookie.hasPrefix("recon_session=rcs_") && !cookie.contains(fixture.henanToken))
            #expect(csrf.count == 64)
            let stored = try fixture.results.execute("SELECT count(*) AS n FROM recon.portal_sessions").singleRow().int("n")
            #expect(stored == 1)
            let id = String(cookie.dropFirst("recon_session=".count))
            #expect(try fixture.results.execute("SELECT 1 FROM recon.portal_sessions WHERE session_hash = sha256(convert_to($1, 'UTF8'))",
                                                [id]).rows.count == 1)
            let row = try fixture.results.execute("SELECT row_to_json(s)::text AS j FROM recon.portal_sessions s").singleRow().string("j")
            #expect(!row.contains(id.dropFirst(4)) && !row.contains(csrf))
            // A wrong token: 401, no session cookie.
            let loginCSRF = try await client.execute(uri: "/", method: .get) { try #require(hiddenCSRF(String(buffer: $0.body))) }
            var headers = formHeaders
            headers[.cookie] = "recon_login_csrf=\(loginCSRF)"
            try await client.execute(uri: "/login", method: .post, headers: headers,
                                     body: ByteBuffer(string: "token=rcn_bad&csrf=\(loginCSRF)")) { response in
                #expect(response.status == .unauthorized)
                #expect(!response.headers[values: .setCookie].contains { $0.hasPrefix("recon_session=rcs_") })
            }
        }
    }

    @Test func sessionCookieFlags() async throws {
        let fixture = try PortalFixture("pcookie")
        try await fixture.application().test(.router) { client in
            let loginCSRF = try await client.execute(uri: "/", method: .get) { try #require(hiddenCSRF(String(buffer: $0.body))) }
            var headers = formHeaders
            headers[.cookie] = "recon_login_csrf=\(loginCSRF)"
            headers[HTTPField.Name("X-Forwarded-Proto")!] = "https"
            try await client.execute(uri: "/login", method: .post, headers: headers,
                                     body: ByteBuffer(string: "token=\(fixture.henanToken)&csrf=\(loginCSRF)")) { response in
                let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("recon_session=") })
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Secure"))
            }
        }
    }

    /// CSRF: a login, logout or objection without a matching Origin or without the form token is 403.
    @Test func csrfRefusals() async throws {
        let fixture = try PortalFixture("pcsrf")
        try await fixture.application().test(.router) { client in
            let loginCSRF = try await client.execute(uri: "/", method: .get) { try #require(hiddenCSRF(String(buffer: $0.body))) }
            let body = ByteBuffer(string: "token=\(fixture.henanToken)&csrf=\(loginCSRF)")
            for origin in [nil, "https://evil.example", "http://localhost.evil.example"] {
                var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: "recon_login_csrf=\(loginCSRF)"]
                if let origin { headers[.origin] = origin }
                try await client.execute(uri: "/login", method: .post, headers: headers, body: body) { response in
                    #expect(response.status == .forbidden, "\(origin ?? "no origin")")
                    #expect(String(buffer: response.body).contains("请求来源校验失败"))
                }
            }
            // Origin right, but the login token missing from the cookie or different.
            try await client.execute(uri: "/login", method: .post, headers: formHeaders, body: body) { response in
                #expect(response.status == .forbidden)
            }
            // A Referer of the portal stands in for a missing Origin.
            var referer: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: "recon_login_csrf=\(loginCSRF)"]
            referer[.referer] = "http://localhost/"
            try await client.execute(uri: "/login", method: .post, headers: referer, body: body) { response in
                #expect(response.status == .seeOther)
            }
            let (cookie, _) = try await fixture.login(client, token: fixture.henanToken)
            var logout = formHeaders
            logout[.cookie] = cookie
            try await client.execute(uri: "/logout", method: .post, headers: logout, body: ByteBuffer(string: "csrf=wrong")) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/objections", method: .post, headers: logout,
                                     body: ByteBuffer(string: "quarter=2025Q3&indicator=11&text=x")) { response in
                #expect(response.status == .forbidden)
            }
            // The session is still live after the refusals.
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                #expect(String(buffer: response.body).contains("退出"))
            }
        }
    }

    @Test func logoutRevokesTheSession() async throws {
        let fixture = try PortalFixture("plogout")
        try await fixture.application().test(.router) { client in
            let (cookie, csrf) = try await fixture.login(client, token: fixture.henanToken)
            var headers = formHeaders
            headers[.cookie] = cookie
            try await client.execute(uri: "/logout", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(csrf)")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[values: .setCookie].contains { $0.hasPrefix("recon_session=;") && $0.contains("Max-Age=0") })
            }
            // The old cookie, replayed, no longer opens the pages or the API.
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                #expect(String(buffer: response.body).contains("name=\"token\""))
                #expect(String(buffer: response.body).contains("会话已过期，请重新登录"))
            }
            try await client.execute(uri: "/api/lists", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .unauthorized)
            }
            #expect(try fixture.results.execute("SELECT count(*) AS n FROM recon.portal_sessions WHERE revoked_at IS NOT NULL").singleRow().int("n") == 1)
        }
    }

    @Test func sessionExpiresWhenIdleAndAtItsEnd() async throws {
        let fixture = try PortalFixture("pexpire")
        try await fixture.application().test(.router) { client in
            let (cookie, _) = try await fixture.login(client, token: fixture.henanToken)
            // 29 minutes idle: still live (and the request restarts the idle time).
            fixture.clock.advance(seconds: 29 * 60)
            try await client.execute(uri: "/api/lists", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .ok) }
            fixture.clock.advance(seconds: 29 * 60)
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                #expect(String(buffer: response.body).contains("退出"))
            }
            // 31 minutes idle: ended.
            fixture.clock.advance(seconds: 31 * 60)
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                #expect(String(buffer: response.body).contains("会话已过期，请重新登录"))
            }
            // A busy session still ends 8 hours after login.
            let (second, _) = try await fixture.login(client, token: fixture.henanToken)
            for _ in 0..<16 {
                fixture.clock.advance(seconds: 29 * 60)
                try await client.execute(uri: "/api/lists", method: .get, headers: [.cookie: second]) { #expect($0.status == .ok) }
            }
            fixture.clock.advance(seconds: 20 * 60)   // 8 h 4 min after login
            try await client.execute(uri: "/api/lists", method: .get, headers: [.cookie: second]) { #expect($0.status == .unauthorized) }
        }
    }

    @Test func revokedTokenEndsItsSessions() async throws {
        let fixture = try PortalFixture("psessrevoke")
        try await fixture.application().test(.router) { client in
            let (cookie, _) = try await fixture.login(client, token: fixture.henanToken)
            try PortalTokenStore(connection: fixture.results).revoke(id: fixture.henanTokenID)
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                #expect(String(buffer: response.body).contains("会话已过期，请重新登录"))
            }
        }
    }

    @Test func tooLargeBodyIsRefused() async throws {
        let fixture = try PortalFixture("pbody")
        try await fixture.application().test(.router) { client in
            let big = ByteBuffer(string: "token=" + String(repeating: "a", count: PortalLimits.maxBodyBytes + 1))
            try await client.execute(uri: "/login", method: .post, headers: formHeaders, body: big) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test func provincePageShowsOnlyItsListsWithTheSplit() async throws {
        let fixture = try PortalFixture("ppageprov")
        try await fixture.application().test(.router) { client in
            let (cookie, _) = try await fixture.login(client, token: fixture.henanToken)
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("/api/lists/\(fixture.henanList)/download?format=csv"))
                #expect(page.contains("/lists/\(fixture.henanList)\""))
                #expect(!page.contains("/api/lists/\(fixture.hubeiList)/"))
                #expect(!page.contains("湖北"))
                #expect(page.contains("4 个工作日"))
                #expect(page.contains("2025-10-14</span> <span class=\"nowrap\">23:59:59"))   // the deadline (breaks only between date and time)
                #expect(page.contains("33.33%"))   // indicator 11 of 河南: 1/3, truncated
                // In the period: all 3 items are 待整改（期限内）, none overdue (no red bar).
                #expect(page.contains("class=\"pending\" style=\"width:100.00%\""))
                #expect(page.contains("class=\"overdue\" style=\"width:0.00%\""))
                #expect(page.contains("<span class=\"tag official\">正式</span>"))
                #expect(page.contains("<svg"))   // the history trend
                #expect(page.contains("每季度第一周＝季度次月前5个工作日") && !page.contains("first-5-working-days"))
            }
            // After the deadline the same items are overdue (a new session: the old one went idle).
            fixture.clock.set(try at("2025-10-15T09:00:00+08:00"))
            let (later, _) = try await fixture.login(client, token: fixture.henanToken)
            try await client.execute(uri: "/", method: .get, headers: [.cookie: later]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("class=\"overdue\" style=\"width:100.00%\""))
                #expect(page.contains("已截止"))
            }
        }
    }

    @Test func pageErrorsAreChineseHTML() async throws {
        let fixture = try PortalFixture("ppageerr")
        try await fixture.application().test(.router) { client in
            let (cookie, _) = try await fixture.login(client, token: fixture.henanToken)
            for (uri, status, text) in [("/?quarter=2025Q9", 400, "应形如 2026Q4"), ("/lists/\(fixture.hubeiList)", 404, "无权查看"),
                                        ("/lists/abc", 400, "清单编号应为正整数"), ("/nowhere", 404, "页面不存在"),
                                        ("/lists/\(fixture.henanList)?status=bogus", 400, "整改状态"),
                                        ("/provinces/420000", 404, "无权查看")] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { response in
                    #expect(response.status.code == status, "\(uri)")
                    #expect(response.headers[.contentType]?.hasPrefix("text/html") == true, "\(uri)")
                    #expect(String(buffer: response.body).contains(text), "\(uri)")
                }
            }
        }
    }

    @Test func ministryPageShowsTheOfficialQuarterAndDrillsDown() async throws {
        let fixture = try PortalFixture("ppagemin")
        // A self-check list of a later quarter must not move the default view off the official quarter.
        let run = try fixture.results.execute("""
            INSERT INTO recon.runs (province_code, status, started_at, finished_at, record_sets, differing_keys, union_keys)
            VALUES ('410000', 'completed', '2025-10-05T08:00:00+08:00', '2025-10-05T09:00:00+08:00',
                    ARRAY['operators','practitioners','vehicles'], 0, 100) RETURNING id
            """).singleRow().int("id")
        let selfCheck = try ListIssuer(connection: fixture.results).issue(runID: Int64(run), official: false,
                                                                          issuedAt: try at("2025-10-05T10:00:00+08:00")).list
        try fixture.results.execute("UPDATE recon.lists SET quarter = '2025Q4' WHERE id = $1", [String(selfCheck.id)])
        try await fixture.application().test(.router) { client in
            let (cookie, _) = try await fixture.login(client, token: fixture.ministryToken)
            try await client.execute(uri: "/?sort=rate", method: .get, headers: [.cookie: cookie]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("2025Q3 各省整改进度"))
                #expect(page.contains("<strong>2025Q3</strong>") && page.contains("?quarter=2025Q4"))
                #expect(page.contains("河南省") && page.contains("湖北省"))
                #expect(page.contains("<svg") && page.contains("整改率 ▼"))
                #expect(page.contains("/provinces/410000?quarter=2025Q3"))
                #expect(page.contains("/api/lists/\(fixture.hubeiList)/download?format=xlsx"))
                #expect(page.contains("各省排名") && page.contains("公示中"))
            }
            try await client.execute(uri: "/?quarter=2025Q4", method: .get, headers: [.cookie: cookie]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<span class=\"tag\">自查</span>"))
            }
            try await client.execute(uri: "/provinces/420000?quarter=2025Q3", method: .get, headers: [.cookie: cookie]) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(page.contains("湖北省") && page.contains("/lists/\(fixture.hubeiList)\""))
                #expect(!page.contains("/lists/\(fixture.henanList)\""))
            }
            // 暂无数据 for a quarter without anything.
            try await client.execute(uri: "/?quarter=2024Q1", method: .get, headers: [.cookie: cookie]) { response in
                #expect(String(buffer: response.body).contains("暂无数据"))
            }
        }
    }

    @Test func everyPolicyIdHasAChineseLabel() {
        for id in ScoringPolicy.all.map(\.name) + ReconciliationWindowPolicy.all.map(\.name) {
            #expect(PolicyLabels.label(of: id) != nil, "\(id)")
        }
        #expect(PolicyLabels.localise("未在每季度第一周完成数据对账（first-5-working-days）") == "未在每季度第一周完成数据对账（每季度第一周＝季度次月前5个工作日）")
        #expect(!PolicyLabels.localise("jtys-2022-1599-calendar-week").contains("calendar-week"))
    }
    /// issue 25 case 12: a list whose run skipped 疑似同一记录 pairing (too many one-sided items)
    /// says so on its page; a list whose run paired does not.
    @Test func aSkippedPairingIsSaid() async throws {
        let fixture = try PortalFixture("ppageskip")
        let run = try fixture.results.execute("SELECT run_id FROM recon.lists WHERE id = $1", [String(fixture.henanList)])
            .singleRow().string("run_id")
        for (set, label, over) in [("vehicles", "营运车辆", "20000"), ("operators", "经营业户", nil)] as [(String, String, String?)] {
            try fixture.results.execute("""
                INSERT INTO recon.run_sets (run_id, record_set, label, ministry_rows, province_rows, union_keys, differing_keys,
                    ministry_only, province_only, field_mismatch, duplicate_key, empty_key, suspect_pairing_skipped_over)
                VALUES ($1, $2, $3, 0, 0, 0, 0, 0, 0, 0, 0, 0, $4::integer)
                """, [run, set, label, over])
        }
        try await fixture.application().test(.router) { client in
            let (cookie, _) = try await fixture.login(client, token: fixture.henanToken)
            try await client.execute(uri: "/lists/\(fixture.henanList)", method: .get, headers: [.cookie: cookie]) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(page.contains("疑似同一记录未配对：营运车辆：单边差异（部有省无、省有部无）超过 20,000 条，未做疑似同一记录配对"), "\(page)")
                #expect(!page.contains("经营业户：单边差异"))
            }
            let (other, _) = try await fixture.login(client, token: fixture.hubeiToken)
            try await client.execute(uri: "/lists/\(fixture.hubeiList)", method: .get, headers: [.cookie: other]) { response in
                #expect(response.status == .ok)
                #expect(!String(buffer: response.body).contains("未配对"))
            }
        }
    }
}
