import HTTPTypes
import Hummingbird

/// Every route the portal serves with its methods: the source of `Allow` on a 405 (and HEAD for
/// every GET route). `Portal.router` registers exactly these (a test compares the two).
enum PortalRouteTable {
    /// Path patterns (`:name` matches one segment) and their methods.
    static let routes: [(pattern: String, methods: [HTTPRequest.Method])] = [
        ("/", [.get]), ("/health", [.get]), ("/login", [.post]), ("/logout", [.post]),
        ("/lists/:id", [.get]), ("/provinces/:code", [.get]),
        ("/objections", [.post]), ("/objections/:id/accept", [.post]), ("/objections/:id/reject", [.post]),
        ("/api/lists", [.get]), ("/api/lists/:id", [.get]), ("/api/lists/:id/download", [.get]),
        ("/api/progress", [.get]), ("/api/scores", [.get]), ("/api/history", [.get]), ("/api/objections", [.get]),
    ]

    /// The methods of the route `path` matches, nil when none.
    static func methods(of path: String) -> [HTTPRequest.Method]? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        for route in routes {
            let pattern = route.pattern.split(separator: "/", omittingEmptySubsequences: true)
            guard pattern.count == segments.count else { continue }
            if zip(pattern, segments).allSatisfy({ $0.hasPrefix(":") || $0 == $1 }) { return route.methods }
        }
        return nil
    }

    /// Every route as `METHOD /path/{parameter}`, HEAD beside each GET: what ``Portal/router(settings:)``
    /// must register, no more and no less (`PortalRouteTableTests` compares it with `Router.routes`).
    static var lines: Set<String> {
        Set(routes.flatMap { route -> [String] in
            let path = "/" + route.pattern.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                .joined(separator: "/")
            return route.methods.flatMap { $0 == .get ? ["GET", "HEAD"] : [$0.rawValue] }.map { "\($0) \(path)" }
        })
    }

    /// `GET, HEAD` / `POST`.
    static func allow(_ methods: [HTTPRequest.Method]) -> String {
        methods.flatMap { $0 == .get ? ["GET", "HEAD"] : [$0.rawValue] }.joined(separator: ", ")
    }
}

/// Request-level limits and methods, before any handler:
/// - a declared body over ``PortalLimits/maxBodyBytes`` is refused 413 at once (the body is never
///   read; `Connection: close`), so a huge Content-Length cannot hold a connection;
/// - HEAD is answered as the GET of the same route, without its body;
/// - a known path with a method it does not serve is 405 with `Allow`.
struct RequestLimitsMiddleware: RouterMiddleware {
    typealias Context = PortalContext

    func handle(_ request: Request, context: PortalContext,
                next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength], let bytes = Int(length), bytes > PortalLimits.maxBodyBytes {
            throw PortalError(.contentTooLarge, "the request body is \(bytes) bytes, over the limit of \(PortalLimits.maxBodyBytes)",
                              chinese: "请求内容过大（上限 \(PortalLimits.maxBodyBytes) 字节）。", headers: [.connection: "close"])
        }
        let allowed = PortalRouteTable.methods(of: request.uri.path)
        if let allowed, !allowed.contains(request.method), !(request.method == .head && allowed.contains(.get)) {
            throw PortalError(.methodNotAllowed, "\(request.method.rawValue) is not allowed on \(request.uri.path)",
                              chinese: "不支持该请求方法（\(request.method.rawValue)）。",
                              headers: [.allow: PortalRouteTable.allow(allowed)])
        }
        guard request.method == .head else { return try await next(request, context) }
        var head = request.head
        head.method = .get
        context.audit.isHead = true
        var response = try await next(Request(head: head, body: request.body), context)
        let length = response.body.contentLength
        response.body = ResponseBody()
        if let length { response.headers[.contentLength] = String(length) }
        return response
    }
}

/// Errors of the page routes as Chinese HTML pages (the API keeps its JSON): a bad parameter,
/// a missing list, a refused method or size — never raw English JSON in front of a user. A browser
/// following a page's download link (`/api/…` with the session cookie, no `Authorization`, asking
/// for `text/html`) gets the page too.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = PortalContext

    func handle(_ request: Request, context: PortalContext,
                next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        guard Self.isPage(request) else { return try await next(request, context) }
        do {
            return try await next(request, context)
        } catch {
            let (status, message) = PortalError.chineseMessage(of: error)
            if status.code >= 500 { context.logger.error("page failed", metadata: ["error": "\(error)"]) }
            var headers = (error as? PortalError)?.headers ?? (error as? HTTPError)?.headers ?? [:]
            headers[.contentType] = nil
            var response = HTML.page(title: "整改清单门户 · 出错了", body: HTML.errorBody(status: status, message: message),
                                     status: status, headers: headers)
            if request.method == .head {
                if let length = response.body.contentLength { response.headers[.contentLength] = String(length) }
                response.body = ResponseBody()
            }
            return response
        }
    }

    /// A page route, or a browser's request of an API route (a download link clicked on a page).
    static func isPage(_ request: Request) -> Bool {
        let path = request.uri.path
        if path == "/health" { return false }
        guard path == "/api" || path.hasPrefix("/api/") else { return true }
        return request.headers[.authorization] == nil && (request.headers[.accept] ?? "").contains("text/html")
    }
}
