import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One log line per request: method, path (secrets redacted wherever they stand), status, latency
/// in milliseconds, the client's address, the caller (province, ministry or anonymous) and security
/// events (failed authentication, cross-province attempts, refused CSRF checks, throttled logins).
/// Security events log at warning; repeated ones of one client are folded
/// (``FailureLogAggregator``: the first line, then one line a minute with `repeated=N`).
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let settings: PortalSettings

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
            "caller": .string(context.audit.caller), "client": .string(context.clientAddress),
        ]
        if !events.isEmpty {
            metadata["security"] = .string(events.joined(separator: ","))
            let (write, folded) = settings.failureLog.record("\(context.clientAddress) \(events.joined(separator: ",")) \(status)",
                                                             now: settings.now())
            guard write else { return }
            if folded > 0 { metadata["repeated"] = .stringConvertible(folded) }
        }
        context.logger.log(level: events.isEmpty ? .info : .warning, "request", metadata: metadata)
    }

    /// `uri` with every secret replaced by `REDACTED`: a path segment, query name or query value
    /// that holds a portal token or session id (`rcn_…`, `rcs_…`, also percent-encoded such as
    /// `/%72cn_…`) or a bare run of 32 or more hex digits (a token's or session's secret part, a
    /// CSRF token), and the value of every query parameter whose name says secret (token,
    /// session, csrf, auth, key, password, secret).
    static func redacted(_ uri: String) -> String {
        let mark = uri.firstIndex(of: "?")
        let path = String(mark.map { uri[..<$0] } ?? uri[...])
        let redactedPath = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { looksSecret($0) ? "REDACTED" : String($0) }.joined(separator: "/")
        guard let mark else { return redactedPath }
        let query = uri[uri.index(after: mark)...].split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decoded(parts[0]).lowercased()
            let secretName = ["token", "session", "csrf", "auth", "key", "password", "secret"].contains { name.contains($0) }
            if looksSecret(parts[0]) { return "REDACTED" }
            return secretName || (parts.count > 1 && looksSecret(parts[1])) ? "\(parts[0])=REDACTED" : String(pair)
        }
        return redactedPath + "?" + query.joined(separator: "&")
    }

    /// Percent-decoded (twice, for a doubly encoded value), `+` as space; the raw text if invalid.
    static func decoded(_ text: Substring) -> String {
        var value = String(text).replacingOccurrences(of: "+", with: " ")
        for _ in 0..<2 { value = value.removingPercentEncoding ?? value }
        return value
    }

    /// Whether `text` holds a token, a session id or a long hex secret.
    static func looksSecret(_ text: Substring) -> Bool {
        let value = decoded(text).lowercased()
        if value.contains("rcn_") || value.contains("rcs_") { return true }
        var run = 0
        for character in value.unicodeScalars {
            if ("0"..."9").contains(character) || ("a"..."f").contains(character) {
                run += 1
                if run >= 32 { return true }
            } else {
                run = 0
            }
        }
        return false
    }
}
