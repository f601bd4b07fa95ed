import Hummingbird
import Logging
import NIOCore

/// The province portal: builds the router and the Hummingbird application.
public enum Portal {
    /// The router: request logging, `/health`, the JSON API under `/api` (bearer token required)
    /// and the pages.
    public static func router(settings: PortalSettings) -> Router<PortalContext> {
        let router = Router(context: PortalContext.self)
        router.add(middleware: RequestLogMiddleware(settings: settings))
        router.add(middleware: SecurityHeadersMiddleware<PortalContext>())
        // Outside the limits, so that a refused size or method on a page is a Chinese page too.
        router.add(middleware: ErrorPageMiddleware())
        router.add(middleware: RequestLimitsMiddleware())
        getAndHead(router, "health") { _, _ -> HealthJSON in
            let ok = (try? await settings.database.run { try $0.execute("SELECT 1").rows.count }) == 1
            return HealthJSON(status: ok ? "ok" : "degraded", database: ok ? "reachable" : "unreachable")
        }
        let api = router.group("api").add(middleware: TokenAuthMiddleware(settings: settings))
        APIRoutes(settings: settings).register(on: api)
        PageRoutes(settings: settings).register(on: router)
        return router
    }

    /// The documented route table (``PortalRouteTable``) as `METHOD /path/{parameter}` lines.
    public static var documentedRoutes: Set<String> { PortalRouteTable.lines }

    /// The application listening on `host:port`; `runService()` serves until SIGINT/SIGTERM and
    /// then shuts down gracefully (requests in flight complete).
    ///
    /// `idleTimeout` closes a connection that sends nothing for that long (an idle keep-alive
    /// connection). A request must arrive whole within `settings.headerTimeout` of the connection's
    /// opening or of its first byte, however slowly it trickles in (``RequestReadDeadlineHandler``);
    /// a response with `Connection: close` (the 413 of a huge `Content-Length`) closes the
    /// connection without reading the body. Headers are limited to 16 KiB in all.
    public static func application(settings: PortalSettings, host: String, port: Int, logger: Logger,
                                   idleTimeout: Duration = .seconds(15)) -> some ApplicationProtocol {
        let seconds = idleTimeout.components.seconds
        let headerTimeout = TimeAmount(settings.headerTimeout)
        return Application(
            router: router(settings: settings),
            server: .http1(configuration: .init(
                additionalChannelHandlers: [RequestReadDeadlineHandler(timeout: headerTimeout, logger: logger)],
                idleTimeout: .seconds(max(1, seconds)),
                httpDecoderConfiguration: .init(maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 16 * 1024, maxHeaderFieldCount: 100))),
            configuration: .init(address: .hostname(host, port: port), serverName: "recon-portal"),
            logger: logger)
    }
}
