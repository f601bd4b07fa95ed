import Foundation
import HTTPTypes
import Hummingbird

/// The checks of every state-changing request (login, logout, objections):
/// 1. `Origin` (or, without it, `Referer`) names the portal itself: the request's own host, or an
///    origin in ``PortalSettings/allowedOrigins``; a request with neither is refused;
/// 2. the form's `csrf` field equals the session's token (login: the login form's token, kept in
///    its own cookie), compared in constant time.
/// A refusal is 403 and logged as `csrf-refused`.
enum CSRFCheck {
    /// The cookie of the login form's token (before there is a session).
    static let loginCookie = "recon_login_csrf"

    static func origin(_ request: Request, context: PortalContext, settings: PortalSettings) throws {
        let source = request.headers[.origin] ?? request.headers[.referer]
        guard let source, let url = URL(string: source), let host = url.host else {
            throw refuse(context, "the request has no Origin or Referer header")
        }
        let origin = "\(url.scheme ?? "http")://\(host)\(url.port.map { ":\($0)" } ?? "")"
        let own = request.head.authority ?? request.headers[HTTPField.Name("Host")!] ?? ""
        let sameHost = !own.isEmpty && (own == host || own == "\(host)\(url.port.map { ":\($0)" } ?? "")")
        guard sameHost || settings.allowedOrigins.contains(origin) else {
            throw refuse(context, "Origin \(origin) is not this portal")
        }
    }

    static func token(_ sent: String?, expected: String, context: PortalContext) throws {
        guard let sent, equal(sent, expected) else { throw refuse(context, "the form's csrf token is missing or wrong") }
    }

    /// Equal in time independent of where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    static func refuse(_ context: PortalContext, _ message: String) -> PortalError {
        context.audit.note("csrf-refused")
        return PortalError(.forbidden, message, chinese: "请求来源校验失败，请刷新页面后重试。")
    }
}

/// An `application/x-www-form-urlencoded` body read with the body limit.
struct FormBody {
    let values: [String: String]

    static func read(_ request: Request) async throws -> FormBody {
        let buffer = try await request.body.collect(upTo: PortalLimits.maxBodyBytes)
        var values: [String: String] = [:]
        for pair in String(buffer: buffer).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, values[String(parts[0])] == nil else { continue }
            values[String(parts[0])] = String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return FormBody(values: values)
    }

    subscript(_ name: String) -> String? { values[name] }
}
