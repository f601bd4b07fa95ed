import Hummingbird
import Logging

/// The province portal: builds the router and the Hummingbird application.
public enum Portal {
    /// The router: request logging, `/health`, the JSON API under `/api` (bearer token required)
    /// and the pages.
    public static func router(settings: PortalSettings) -> Router<PortalContext> {
        let router = Router(context: PortalContext.self)
        router.add(middleware: SecurityHeadersMiddleware<PortalContext>())
        router.add(middleware: LogRequestsMiddleware(.info))
        router.get("health") { _, _ -> HealthJSON in
            let ok = (try? await settings.database.run { try $0.execute("SELECT 1").rows.count }) == 1
            return HealthJSON(status: ok ? "ok" : "degraded", database: ok ? "reachable" : "unreachable")
        }
        let api = router.group("api").add(middleware: TokenAuthMiddleware(database: settings.database))
        APIRoutes(settings: settings).register(on: api)
        PageRoutes(settings: settings).register(on: router)
        return router
    }

    /// The application listening on `host:port`; `runService()` serves until SIGINT/SIGTERM and
    /// then shuts down gracefully (requests in flight complete).
    public static func application(settings: PortalSettings, host: String, port: Int, logger: Logger)
        -> some ApplicationProtocol {
        Application(router: router(settings: settings),
                     configuration: .init(address: .hostname(host, port: port), serverName: "recon-portal"),
                     logger: logger)
    }
}
