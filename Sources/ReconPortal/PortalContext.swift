import Hummingbird
import NIOCore

/// The request context: Hummingbird's core storage plus the authenticated caller.
public struct PortalContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's storage.
    public var coreContext: CoreRequestContextStorage
    /// Set by `TokenAuthMiddleware` for every `/api` route.
    public var caller: PortalCaller?
    /// The request log's record of who asked and what was refused (shared by reference).
    let audit = RequestAudit()
    /// The client's address (the connection's peer; nil in in-process tests).
    public let remoteAddress: SocketAddress?

    /// A context for a new request.
    public init(source: Source) {
        coreContext = .init(source: source)
        caller = nil
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's address as text (`127.0.0.1`), `local` when unknown: the key of the login
    /// throttle and of the aggregated failure log.
    var clientAddress: String { remoteAddress?.ipAddress ?? remoteAddress?.pathname ?? "local" }

    /// The request body limit: the portal accepts only its small forms (and no uploads).
    public var maxUploadSize: Int { PortalLimits.maxBodyBytes }

    /// The caller; 401 if the route was reached without authentication (a routing mistake).
    func requireCaller() throws -> PortalCaller {
        guard let caller else { throw PortalError(.unauthorized, "authentication required", chinese: "请先登录。") }
        return caller
    }
}

/// Limits of the portal's requests.
public enum PortalLimits {
    /// The largest request body accepted: an objection or a decision's reason of 1,000 characters,
    /// percent-encoded (up to 12 bytes a character), with the form's other fields.
    public static let maxBodyBytes = 16 * 1024
    /// The largest page of list items.
    public static let maxPageSize = 500
    /// The page size when none is asked for.
    public static let defaultPageSize = 50
}
