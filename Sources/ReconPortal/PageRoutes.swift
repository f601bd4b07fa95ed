import Foundation
import HTTPTypes
import Hummingbird
import PostgresClient
import ReconKit
import ReconRules

/// The pages: `/` (the login form, the caller's province page, or the ministry overview),
/// `/lists/{id}` (the items browser), `/provinces/{code}` (the ministry's drill-down),
/// `POST /login`, `POST /logout` and the objection forms. Every page needs a live server-side
/// session; every POST passes ``CSRFCheck``.
struct PageRoutes {
    let settings: PortalSettings

    func register(on router: Router<PortalContext>) {
        getAndHead(router, "/") { request, context in try await home(request, context) }
        router.post("login") { request, context in try await login(request, context) }
        router.post("logout") { request, context in try await logout(request, context) }
        getAndHead(router, "lists/:id") { request, context in try await items(request, context) }
        getAndHead(router, "provinces/:code") { request, context in try await drillDown(request, context) }
        ObjectionRoutes(settings: settings, pages: self).register(on: router)
    }

    // MARK: - Sessions

    /// A page's session, or the login page to answer instead (with 会话已过期，请重新登录 when the
    /// cookie names a session that ended).
    enum PageSession {
        case live(id: String, caller: PortalCaller, csrf: String)
        case login(Response)
    }

    func session(_ request: Request, _ context: PortalContext) async throws -> PageSession {
        guard let id = request.cookies[TokenAuthMiddleware.cookieName]?.value, !id.isEmpty else {
            return .login(loginPage(request, message: nil))
        }
        let now = settings.now()
        switch try await settings.database.run({ try PortalSessionStore(connection: $0).lookup(id, now: now) }) {
        case let .valid(caller, csrf):
            context.audit.identify(caller)
            return .live(id: id, caller: caller, csrf: csrf)
        case .ended:
            context.audit.note("session-ended")
            return .login(loginPage(request, message: "会话已过期，请重新登录。", clearSession: true))
        case .unknown:
            context.audit.note("auth-failed")
            return .login(loginPage(request, message: nil, clearSession: true))
        }
    }

    /// The login form with a fresh login CSRF token in its own short-lived cookie.
    func loginPage(_ request: Request, message: String?, status: HTTPResponse.Status = .ok, clearSession: Bool = false) -> Response {
        let token = CSRFCheck.loginToken(secret: settings.formSecret, now: settings.now())
        var headers: HTTPFields = [:]
        headers.append(HTTPField(name: .setCookie, value: cookie(CSRFCheck.loginCookie, token, request, maxAge: Int(CSRFCheck.loginTokenSeconds))))
        if clearSession { headers.append(HTTPField(name: .setCookie, value: cookie(TokenAuthMiddleware.cookieName, "", request, maxAge: 0))) }
        return HTML.page(title: "整改清单门户 · 登录", body: LoginPage.render(csrf: token, error: message), status: status, headers: headers)
    }

    /// A `Set-Cookie`: HttpOnly (no script reads it), SameSite=Strict (no other site sends it),
    /// Secure as configured (``SecureCookies``).
    func cookie(_ name: String, _ value: String, _ request: Request, maxAge: Int? = nil) -> String {
        let secure: Bool
        switch settings.secureCookies {
        case .always: secure = true
        case .never: secure = false
        case .proxy: secure = request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
        }
        return "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "") + (maxAge.map { "; Max-Age=\($0)" } ?? "")
    }

    func login(_ request: Request, _ context: PortalContext) async throws -> Response {
        if let until = settings.loginThrottle.blockedUntil(context.clientAddress, now: settings.now()) {
            context.audit.note("login-throttled")
            let minutes = max(1, Int((until.timeIntervalSince(settings.now()) / 60).rounded(.up)))
            throw PortalError(.tooManyRequests, "too many failed logins from this address; try again in \(minutes) minutes",
                              chinese: "登录失败次数过多，请 \(minutes) 分钟后再试。",
                              headers: [.retryAfter: String(minutes * 60)])
        }
        try CSRFCheck.origin(request, context: context, settings: settings)
        let form = try await FormBody.read(request)
        try CSRFCheck.loginToken(form["csrf"], cookie: request.cookies[CSRFCheck.loginCookie]?.value, secret: settings.formSecret,
                                 now: settings.now(), context: context)
        let token = form["token"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let now = settings.now(), lifetime = settings.sessionLifetime, idle = settings.sessionIdle
        let opened: (PortalCaller, String)? = try await settings.database.run { connection in
            guard !token.isEmpty, let caller = try PortalTokenStore(connection: connection).caller(token: token) else { return nil }
            return (caller, try PortalSessionStore(connection: connection).open(tokenID: caller.tokenID, now: now, lifetime: lifetime, idle: idle))
        }
        guard let (caller, id) = opened else {
            context.audit.note("auth-failed")
            settings.loginThrottle.fail(context.clientAddress, now: now)
            return loginPage(request, message: "令牌无效或已被吊销。", status: .unauthorized)
        }
        context.audit.identify(caller)
        var headers: HTTPFields = [.location: "/"]
        headers.append(HTTPField(name: .setCookie, value: cookie(TokenAuthMiddleware.cookieName, id, request)))
        headers.append(HTTPField(name: .setCookie, value: cookie(CSRFCheck.loginCookie, "", request, maxAge: 0)))
        return Response(status: .seeOther, headers: headers)
    }

    /// Ends the session in the database (the cookie alone would not), then clears the cookie.
    func logout(_ request: Request, _ context: PortalContext) async throws -> Response {
        try CSRFCheck.origin(request, context: context, settings: settings)
        let form = try await FormBody.read(request)
        guard case let .live(id, _, csrf) = try await session(request, context) else {
            return Response(status: .seeOther, headers: [.location: "/", .setCookie: cookie(TokenAuthMiddleware.cookieName, "", request, maxAge: 0)])
        }
        try CSRFCheck.token(form["csrf"], expected: csrf, context: context)
        let now = settings.now()
        try await settings.database.run { try PortalSessionStore(connection: $0).revoke(id, now: now) }
        return Response(status: .seeOther, headers: [.location: "/", .setCookie: cookie(TokenAuthMiddleware.cookieName, "", request, maxAge: 0)])
    }

    // MARK: - Pages

    func home(_ request: Request, _ context: PortalContext) async throws -> Response {
        let live = try await session(request, context)
        guard case let .live(_, caller, csrf) = live else { if case let .login(r) = live { return r }; return loginPage(request, message: nil) }
        let query = QueryParameters(request: request, audit: context.audit)
        let asked = try query.quarter()
        if let province = caller.provinceCode {
            return try await provincePage(province: province, quarter: asked, viewer: caller, csrf: csrf)
        }
        let sort = query.string("sort").flatMap { MinistryPage.sortKeys[$0] == nil ? nil : $0 } ?? "code"
        let now = settings.now()
        let view = try await settings.database.run { connection -> MinistryPage.MinistryView in
            let quarters = try PortalQueries.quarters(province: nil, on: connection)
            let quarter = try asked ?? PortalQueries.defaultQuarter(province: nil, on: connection)
            let lists = try quarter.map { try ListStore(connection: connection).lists(quarter: $0) } ?? []
            let calendar = try CalendarStore(connection: connection).calendar()   // read once for the page
            let (progress, states) = try ListProgressQuery(connection: connection).rowsAndStates(lists, now: now, calendar: calendar)
            let scores = try PortalQueries.scores(quarter: quarter, province: nil, now: now, calendar: calendar, on: connection)
            let rows = quarter.map { MinistryPage.rows(progress: progress, quarter: $0, scores: scores) } ?? []
            let names = Dictionary(try connection.execute("SELECT code, name FROM recon.provinces").rows.map {
                (try $0.string("code"), try $0.string("name")) }, uniquingKeysWith: { a, _ in a })
            return MinistryPage.MinistryView(
                caller: caller, csrf: csrf, quarters: quarters, quarter: quarter, rows: rows,
                lists: Dictionary(uniqueKeysWithValues: lists.map { ($0.id, $0) }),
                states: states,
                scores: scores, ranking: try quarter.flatMap { try RankingSection.ranking(quarter: $0, scores: scores, on: connection) },
                objections: try quarter.map { try QuarterLifecycle.objections(quarter: $0, province: nil, on: connection) } ?? [],
                provinceNames: names, sort: sort, now: now)
        }
        return HTML.page(title: "整改清单门户 · 部级总览", body: MinistryPage.render(view))
    }

    /// `/provinces/{code}`: the ministry sees a province's page as that province sees it.
    func drillDown(_ request: Request, _ context: PortalContext) async throws -> Response {
        let live = try await session(request, context)
        guard case let .live(_, caller, csrf) = live else { if case let .login(r) = live { return r }; return loginPage(request, message: nil) }
        let code = context.parameters.get("code") ?? ""
        try QueryParameters.checkProvince(code)
        guard caller.canSee(province: code) else {
            context.audit.note("cross-province")
            throw PortalError(.notFound, "no such province", chinese: "没有该省份的数据，或您无权查看。")
        }
        let known = try await settings.database.run { try !$0.execute("SELECT 1 FROM recon.provinces WHERE code = $1", [code]).rows.isEmpty }
        guard known else { throw PortalError(.notFound, "no province \(code)", chinese: "没有省份 \(code)。") }
        let quarter = try QueryParameters(request: request, audit: context.audit).quarter()
        return try await provincePage(province: code, quarter: quarter, viewer: caller, csrf: csrf)
    }

    func provincePage(province: String, quarter asked: Quarter?, viewer: PortalCaller, csrf: String) async throws -> Response {
        let now = settings.now()
        let view = try await settings.database.run { connection -> ProvinceView in
            let quarters = try PortalQueries.quarters(province: province, on: connection)
            let quarter = try asked ?? PortalQueries.defaultQuarter(province: province, on: connection)
            let lists = try quarter.map { try ListStore(connection: connection).lists(province: province, quarter: $0) } ?? []
            let calendar = try CalendarStore(connection: connection).calendar()   // read once for the page
            let (progress, states) = try ListProgressQuery(connection: connection).rowsAndStates(lists, now: now, calendar: calendar)
            let name = try connection.execute("SELECT name FROM recon.provinces WHERE code = $1", [province]).rows.first?.string("name") ?? province
            var openUntil: CivilDate? = nil
            if let quarter {
                if case let .onNotice(_, noticeEnds) = try QuarterLifecycle(results: connection, calendar: calendar).stage(quarter),
                   now < BeijingTime.endOfDay(noticeEnds) {
                    openUntil = noticeEnds
                }
            }
            return ProvinceView(
                viewer: viewer, csrf: csrf, provinceCode: province, provinceName: name, quarters: quarters, quarter: quarter,
                lists: lists, progress: Dictionary(uniqueKeysWithValues: progress.map { ($0.listID, $0) }),
                states: states,
                scores: try quarter.map { try PortalQueries.scores(quarter: $0, province: province, now: now, calendar: calendar, on: connection) }
                    ?? ScoresJSON(quarter: nil, scores: []),
                history: try PortalQueries.history(province: province, on: connection),
                objections: try quarter.map { try QuarterLifecycle.objections(quarter: $0, province: province, on: connection) } ?? [],
                objectionsOpenUntil: openUntil, now: now)
        }
        return HTML.page(title: "整改清单门户 · \(view.provinceName)", body: ProvincePage.render(view))
    }

    /// `/lists/{id}`: the items browser (a list of another province is 404, as in the API).
    func items(_ request: Request, _ context: PortalContext) async throws -> Response {
        let live = try await session(request, context)
        guard case let .live(_, caller, csrf) = live else { if case let .login(r) = live { return r }; return loginPage(request, message: nil) }
        let id = try APIRoutes.listID(context)
        let list = try await APIRoutes(settings: settings).visibleList(id, caller: caller, audit: context.audit)
        let query = QueryParameters(request: request, audit: context.audit)
        let filter = try query.itemFilter(of: list)
        let size = try query.int("size", in: 1...PortalLimits.maxPageSize, default: PortalLimits.defaultPageSize)
        let page = try query.int("page", in: 1...100_000_000, default: 1)
        let now = settings.now()
        let (total, items, progress, states, skipped) = try await settings.database.run { connection in
            let found = try PortalQueries.items(list: list, filter: filter, page: page, size: size, now: now, on: connection)
            let (progress, states) = try ListProgressQuery(connection: connection).rowsAndStates([list], now: now)
            return (found.total, found.items, progress.first, states[list.id], try SuspectPairingSkip.read(runID: list.runID, on: connection))
        }
        let pages = max(1, (total + size - 1) / size)
        guard page <= pages else {
            throw PortalError(.badRequest, "page \(page) is past the last page \(pages)", chinese: "第 \(page) 页不存在（共 \(pages) 页）。")
        }
        let view = ItemsView(viewer: caller, csrf: csrf, list: list, progress: progress, states: states, filter: filter,
                             status: query.nonEmpty("status"), total: total, page: page, size: size, items: items,
                             recordSets: settings.recordSets, now: now, pairingSkipped: skipped)
        return HTML.page(title: "整改清单门户 · 清单 \(list.id) 条目", body: ItemsPage.render(view))
    }
}
