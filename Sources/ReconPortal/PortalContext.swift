import Hummingbird

/// The request context: Hummingbird's core storage plus the authenticated caller.
public struct PortalContext: RequestContext {
    /// Hummingbird's storage.
    public var coreContext: CoreRequestContextStorage
    /// Set by `TokenAuthMiddleware` for every `/api` route.
    public var caller: PortalCaller?
    /// The request log's record of who asked and what was refused (shared by reference).
    let audit = RequestAudit()

    /// A context for a new request.
    public init(source: Source) {
        coreContext = .init(source: source)
        caller = nil
    }

    /// The request body limit: the portal accepts only the token form (and no uploads).
    public var maxUploadSize: Int { PortalLimits.maxBodyBytes }

    /// The caller; 401 if the route was reached without authentication (a routing mistake).
    func requireCaller() throws -> PortalCaller {
        guard let caller else { throw PortalError(.unauthorized, "authentication required", chinese: "请先登录。") }
        return caller
    }
}

/// Limits of the portal's requests.
public enum PortalLimits {
    /// The largest request body accepted (the login form holds one 68-character token).
    public static let maxBodyBytes = 4 * 1024
    /// The largest page of list items.
    public static let maxPageSize = 500
    /// The page size when none is asked for.
    public static let defaultPageSize = 50
}
