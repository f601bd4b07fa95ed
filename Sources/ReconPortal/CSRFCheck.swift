import Foundation
import HTTPTypes
import Hummingbird

/// The checks of every state-changing request (login, logout, objections):
/// 1. `Origin` (or, without it, `Referer`) names the portal itself: the request's own host, or an
///    origin in ``PortalSettings/allowedOrigins``. `Origin: null` (a browser that hides the origin,
///    e.g. under a strict referrer policy or from a privacy setting) passes this step only because
///    step 2 always follows; a foreign origin, or a request with neither header, is refused;
/// 2. the form's `csrf` field is a synchronizer token the server can verify, compared in constant
///    time: after login the session's token (derived from the server-side session id, which only the
///    session cookie holds); on the login form a token MAC'd by the server
///    (``loginToken(secret:now:)``) that is also in the `SameSite=Strict` login cookie — a value an
///    attacker chooses (`csrf=a` with cookie `a`) fails the MAC.
/// A refusal is 403 and logged as `csrf-refused`.
enum CSRFCheck {
    /// The cookie of the login form's token (before there is a session).
    static let loginCookie = "recon_login_csrf"
    /// How long a login form's token is accepted.
    static let loginTokenSeconds: Int64 = 3600

    static func origin(_ request: Request, context: PortalContext, settings: PortalSettings) throws {
        let source = request.headers[.origin] ?? request.headers[.referer]
        // An opaque origin: accepted here only with a valid synchronizer token (checked next by
        // every state-changing route, before anything changes).
        if request.headers[.origin] == "null" { return }
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

    /// A login form's token issued at `now`: `<unix seconds>.<random 128 bits hex>.<HMAC-SHA-256 hex>`,
    /// the MAC over the first two parts under the server's secret (``PortalSettings/formSecret``).
    static func loginToken(secret: [UInt8], now: Date) -> String {
        let body = "\(Int64(now.timeIntervalSince1970.rounded(.down))).\(PortalSessionStore.randomID(prefix: "").prefix(32))"
        return body + "." + loginMAC(body, secret: secret)
    }

    /// The login form's token: the form's and the cookie's values equal, the server's MAC right and
    /// issued within ``loginTokenSeconds`` before `now`.
    static func loginToken(_ sent: String?, cookie: String?, secret: [UInt8], now: Date, context: PortalContext) throws {
        guard let sent, let cookie, equal(sent, cookie) else { throw refuse(context, "the login form's csrf token is missing or differs from its cookie") }
        let parts = sent.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let issued = Int64(parts[0]), parts[1].utf8.count == 32,
              equal(String(parts[2]), loginMAC("\(parts[0]).\(parts[1])", secret: secret)) else {
            throw refuse(context, "the login form's csrf token was not issued by this portal")
        }
        let age = Int64(now.timeIntervalSince1970.rounded(.down)) - issued
        guard age >= -60, age <= loginTokenSeconds else { throw refuse(context, "the login form's csrf token has expired") }
    }

    static func loginMAC(_ body: String, secret: [UInt8]) -> String {
        HMACSHA256.hex(HMACSHA256.mac(key: secret, message: Array("recon-login-csrf:\(body)".utf8)))
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
