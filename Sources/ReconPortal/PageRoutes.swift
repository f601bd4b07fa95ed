import Foundation
import Hummingbird
import ReconKit
import ReconRules

/// The pages: `/` (the login form, or the caller's province page, or the ministry page),
/// `POST /login` (takes the token once, sets the session cookie) and `POST /logout`.
struct PageRoutes {
    let settings: PortalSettings

    func register(on router: Router<PortalContext>) {
        router.get("/") { request, _ in try await home(request) }
        router.post("login") { request, _ in try await login(request) }
        router.post("logout") { _, _ in
            Response(status: .seeOther, headers: [.location: "/", .setCookie: Self.cookie(value: "", maxAge: 0)])
        }
    }

    /// `Set-Cookie` of the session: HttpOnly (no script reads it), SameSite=Strict (no other site
    /// sends it), for the browser session only unless cleared.
    static func cookie(value: String, maxAge: Int? = nil) -> String {
        "\(TokenAuthMiddleware.cookieName)=\(value); Path=/; HttpOnly; SameSite=Strict" + (maxAge.map { "; Max-Age=\($0)" } ?? "")
    }

    func home(_ request: Request) async throws -> Response {
        guard let token = request.cookies[TokenAuthMiddleware.cookieName]?.value, !token.isEmpty,
              let caller = try await settings.database.run({ try PortalTokenStore(connection: $0).caller(token: token) })
        else {
            return HTML.page(title: "整改清单门户 · 登录", body: LoginPage.render())
        }
        let query = QueryParameters(request: request)
        let askedQuarter = try query.quarter()
        let sort = query.string("sort").flatMap { MinistryPage.sortKeys[$0] == nil ? nil : $0 } ?? "code"
        let now = settings.now()
        let province = caller.provinceCode
        let (lists, progress, scores) = try await settings.database.run { connection in
            (try ListStore(connection: connection).lists(province: province),
             try ListProgressQuery(connection: connection).rows(province: province, now: now),
             try PortalQueries.scores(quarter: askedQuarter, province: province, on: connection))
        }
        if caller.isMinistry {
            let quarter = askedQuarter ?? lists.map(\.quarter).max()
            let rows = quarter.map { MinistryPage.rows(progress: progress, quarter: $0, scores: scores) } ?? []
            return HTML.page(title: "整改清单门户 · 部级总览",
                             body: MinistryPage.render(caller: caller, quarter: quarter, rows: rows, sort: sort, scores: scores, now: now))
        }
        let name = lists.first?.provinceName ?? caller.provinceCode ?? ""
        return HTML.page(title: "整改清单门户 · \(name)",
                         body: ProvincePage.render(caller: caller, lists: lists, progress: progress, scores: scores, now: now))
    }

    func login(_ request: Request) async throws -> Response {
        let body = try await request.body.collect(upTo: PortalLimits.maxBodyBytes)
        let token = Self.formValue("token", in: String(buffer: body))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !token.isEmpty,
              try await settings.database.run({ try PortalTokenStore(connection: $0).caller(token: token) }) != nil else {
            return HTML.page(title: "整改清单门户 · 登录", body: LoginPage.render(error: "令牌无效或已被吊销。"), status: .unauthorized)
        }
        return Response(status: .seeOther, headers: [.location: "/", .setCookie: Self.cookie(value: token)])
    }

    /// A value of an `application/x-www-form-urlencoded` body.
    static func formValue(_ name: String, in body: String) -> String? {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == name else { continue }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }
}
