import Foundation
import Hummingbird
import HummingbirdTesting
import ReconPortal
import Testing

@Suite("Portal pages")
struct PortalPageTests {
    func form(_ token: String) -> ByteBuffer { ByteBuffer(string: "token=\(token)") }
    let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test func loginSetsAStrictHttpOnlyCookie() async throws {
        let fixture = try PortalFixture("plogin")
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("name=\"token\""))
            }
            try await client.execute(uri: "/login", method: .post, headers: formHeaders, body: form("rcn_bad")) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
            }
            try await client.execute(uri: "/login", method: .post, headers: formHeaders, body: form(fixture.henanToken)) { response in
                #expect(response.status == .seeOther)
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.hasPrefix("recon_token=\(fixture.henanToken);"))
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
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

    @Test func provincePageShowsOnlyItsLists() async throws {
        let fixture = try PortalFixture("ppageprov")
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: [.cookie: "recon_token=\(fixture.henanToken)"]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("/api/lists/\(fixture.henanList)/download?format=csv"))
                #expect(page.contains("/api/lists/\(fixture.henanList)/download?format=xlsx"))
                #expect(!page.contains("/api/lists/\(fixture.hubeiList)/"))
                #expect(!page.contains("湖北"))
                #expect(page.contains("4 个工作日"))
                #expect(page.contains("33.33%"))   // indicator 11 of 河南: 1/3, truncated
            }
        }
    }

    @Test func ministryPageShowsEveryProvinceAndAChart() async throws {
        let fixture = try PortalFixture("ppagemin")
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/?sort=rate", method: .get, headers: [.cookie: "recon_token=\(fixture.ministryToken)"]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("河南省") && page.contains("湖北省"))
                #expect(page.contains("<svg"))
                #expect(page.contains("整改率 ▼"))
            }
        }
    }
}
