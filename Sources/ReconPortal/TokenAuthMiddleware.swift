import Foundation
import Hummingbird
import PostgresClient

/// Bearer-token authentication: `Authorization: Bearer rcn_…`, or the page's session cookie.
///
/// A missing, unknown or revoked token is answered 401 with `WWW-Authenticate: Bearer`, before any
/// data is read.
public struct TokenAuthMiddleware: RouterMiddleware {
    /// The session cookie set by the login form.
    public static let cookieName = "recon_token"
    let database: PortalDatabase

    /// A middleware checking tokens in `database`.
    public init(database: PortalDatabase) { self.database = database }

    /// Authenticates, then passes the request on.
    public func handle(_ request: Request, context: PortalContext,
                       next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        guard let token = Self.token(of: request) else {
            throw Self.unauthorized("a bearer token is required (Authorization: Bearer <token>)")
        }
        guard let caller = try await database.run({ try PortalTokenStore(connection: $0).caller(token: token) }) else {
            throw Self.unauthorized("the token is unknown or revoked")
        }
        var context = context
        context.caller = caller
        context.logger[metadataKey: "caller"] = .string(caller.downloadName)
        return try await next(request, context)
    }

    /// The token a request carries: the bearer token, else the session cookie.
    static func token(of request: Request) -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return String(parts[1]).trimmingCharacters(in: .whitespaces)
            }
            return nil
        }
        return request.cookies[cookieName]?.value
    }

    static func unauthorized(_ message: String) -> HTTPError {
        HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"], message: message)
    }
}
