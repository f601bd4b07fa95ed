import Hummingbird
import ReconPortal
import Testing

/// The route table that answers 405/`Allow` and HEAD is the router's own list of routes.
@Suite("Portal route table")
struct PortalRouteTableTests {
    @Test func tableIsWhatTheRouterRegisters() {
        // Building the router opens no connection.
        let router = Portal.router(settings: PortalSettings(database: PortalDatabase(dsn: "postgresql://unused.invalid/recon")))
        let registered = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
        let undocumented = registered.subtracting(Portal.documentedRoutes), missing = Portal.documentedRoutes.subtracting(registered)
        #expect(undocumented.isEmpty, "registered but not in PortalRouteTable: \(undocumented.sorted())")
        #expect(missing.isEmpty, "in PortalRouteTable but not registered: \(missing.sorted())")
        #expect(registered.contains("GET /api/lists/{id}/download") && registered.contains("HEAD /health"))
    }
}
