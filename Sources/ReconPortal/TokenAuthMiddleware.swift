import Foundation
import Hummingbird
import PostgresClient

/// Authentication of the API: `Authorization: Bearer rcn_…`, or the pages' session cookie (the
/// download buttons of the pages).
///
/// A missing, unknown or revoked token, or an ended session, is answered 401 with
/// `WWW-Authenticate: Bearer`, before any data is read, and logged as `auth-failed`.
public struct TokenAuthMiddleware: RouterMiddleware {
    /// The session cookie set by the login form (a server-side session id, never the token).
    public static let cookieName = "recon_session"
    let settings: PortalSettings

    /// A middleware checking tokens and sessions in the settings' database.
    public init(settings: PortalSettings) { self.settings = settings }

    /// Authenticates, then passes the request on.
    public func handle(_ request: Request, context: PortalContext,
                       next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        let caller: PortalCaller?
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                throw refuse(context, "a bearer token is required (Authorization: Bearer <token>)")
            }
            let token = String(parts[1]).trimmingCharacters(in: .whitespaces)
            caller = try await settings.database.run { try PortalTokenStore(connection: $0).caller(token: token) }
            guard caller != nil else { throw refuse(context, "the token is unknown or revoked") }
        } else if let session = request.cookies[Self.cookieName]?.value, !session.isEmpty {
            let now = settings.now()
            let lookup = try await settings.database.run { try PortalSessionStore(connection: $0).lookup(session, now: now) }
            guard case let .valid(found, _) = lookup else { throw refuse(context, "the session has ended; log in again") }
            caller = found
        } else {
            throw refuse(context, "a bearer token is required (Authorization: Bearer <token>)")
        }
        var context = context
        context.caller = caller
        if let caller {
            context.audit.identify(caller)
            context.logger[metadataKey: "caller"] = .string(caller.downloadName)
        }
        return try await next(request, context)
    }

    func refuse(_ context: PortalContext, _ message: String) -> PortalError {
        context.audit.note("auth-failed")
        return PortalError(.unauthorized, message, chinese: "会话已过期，请重新登录。", headers: [.wwwAuthenticate: "Bearer"])
    }
}
