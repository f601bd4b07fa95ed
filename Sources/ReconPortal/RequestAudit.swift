import Foundation

/// What the request log says about one request beyond its status: who asked and what went wrong
/// on the security side. Shared by reference between the log middleware (outermost) and the
/// handlers that learn it (the context is passed down by value).
final class RequestAudit: @unchecked Sendable {
    private let lock = NSLock()
    private var _caller = "anonymous"
    private var _events: [String] = []
    private var _isHead = false

    /// `province 410000 (token 3)`, `ministry (token 5)` or `anonymous`.
    var caller: String { lock.withLock { _caller } }
    /// `auth-failed`, `cross-province`, `csrf-refused`, `session-ended`…
    var events: [String] { lock.withLock { _events } }
    /// The request came as HEAD (answered as its GET without a body).
    var isHead: Bool {
        get { lock.withLock { _isHead } }
        set { lock.withLock { _isHead = newValue } }
    }

    func identify(_ caller: PortalCaller) {
        let text = caller.provinceCode.map { "province \($0) (token \(caller.tokenID))" } ?? "ministry (token \(caller.tokenID))"
        lock.withLock { _caller = text }
    }

    func note(_ event: String) { lock.withLock { _events.append(event) } }
}
