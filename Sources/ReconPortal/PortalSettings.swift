import Foundation
import ReconKit
import ReconRules

/// When the session cookie carries `Secure` (sent over HTTPS only).
public enum SecureCookies: String, Sendable, CaseIterable {
    /// Always: the portal is reached over HTTPS (directly or through a proxy).
    case always
    /// Never: plain HTTP on a closed network.
    case never
    /// When the request says it came over HTTPS through a proxy (`X-Forwarded-Proto: https`).
    case proxy
}

/// What the portal needs: the results database, the configured record sets (labels of exported
/// lists, as `recon lists export` uses), a clock and the session rules.
public struct PortalSettings: Sendable {
    /// The results database.
    public var database: PortalDatabase
    /// The configured record sets.
    public var recordSets: [RecordSetSpec]
    /// The time of a request (tests pass a fixed one).
    public var now: @Sendable () -> Date
    /// How long a page session lasts at most.
    public var sessionLifetime: Duration = .seconds(8 * 3600)
    /// A page session ends after this long without a request.
    public var sessionIdle: Duration = .seconds(30 * 60)
    /// When the session cookie is `Secure`.
    public var secureCookies: SecureCookies = .proxy
    /// How long a client has to send a whole request (header and body), counted from the
    /// connection's opening or the request's first byte; then the connection is closed (slowloris).
    public var headerTimeout: Duration = .seconds(10)
    /// Origins accepted on state-changing requests besides the request's own host, e.g.
    /// `https://portal.example.gov.cn` behind a proxy that rewrites Host.
    public var allowedOrigins: [String] = []
    /// Failed logins per client address (``LoginThrottle``).
    public var loginThrottle = LoginThrottle()
    /// Repeated failures folded in the request log (``FailureLogAggregator``).
    let failureLog = FailureLogAggregator()
    /// The key of the login form's CSRF token MAC (``CSRFCheck/loginToken(secret:now:)``): 32 random
    /// bytes per process by default (a restart only makes an open login form ask to be reloaded).
    /// Portals behind one load balancer must share it.
    public var formSecret: [UInt8] = {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }()

    /// Settings.
    public init(database: PortalDatabase, recordSets: [RecordSetSpec] = RecordSetSpec.reference,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.recordSets = recordSets
        self.now = now
    }
}
