import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One log line per request: method, path (secrets in the query redacted), status, latency in
/// milliseconds, the caller (province, ministry or anonymous) and security events (failed
/// authentication, cross-province attempts, refused CSRF checks). Security events log at warning.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = PortalContext

    func handle(_ request: Request, context: PortalContext,
                next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context, status: response.status.code, since: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, context, status: status, since: start)
            throw error
        }
    }

    func log(_ request: Request, _ context: PortalContext, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        let events = context.audit.events
        var metadata: Logger.Metadata = [
            "method": .string(request.method.rawValue), "path": .string(Self.redacted(request.uri.description)),
            "status": .stringConvertible(status), "ms": .string("\(micros / 1000).\(String(format: "%03d", Int(micros % 1000)))"),
            "caller": .string(context.audit.caller),
        ]
        if !events.isEmpty { metadata["security"] = .string(events.joined(separator: ",")) }
        context.logger.log(level: events.isEmpty ? .info : .warning, "request", metadata: metadata)
    }

    /// `uri` with the value of every query parameter that may hold a secret replaced by
    /// `REDACTED`: names containing token, session, csrf, auth, key or password, and any value
    /// that looks like a portal token or session id (`rcn_…`, `rcs_…`).
    static func redacted(_ uri: String) -> String {
        guard let mark = uri.firstIndex(of: "?") else { return uri }
        let path = uri[..<mark]
        let query = uri[uri.index(after: mark)...].split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].lowercased()
            let value = parts.count > 1 ? parts[1].lowercased() : ""
            let secretName = ["token", "session", "csrf", "auth", "key", "password", "secret"].contains { name.contains($0) }
            let secretValue = value.contains("rcn_") || value.contains("rcs_") || value.contains("rcn%5f") || value.contains("rcs%5f")
            return secretName || secretValue ? "\(parts[0])=REDACTED" : String(pair)
        }
        return path + "?" + query.joined(separator: "&")
    }
}
