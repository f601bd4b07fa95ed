import Foundation

/// What keeps a connection from hanging (issue 24 item 5; README "Deploying"): server-side limits on
/// a statement and on an idle transaction, and client-side TCP keepalives (libpq `keepalives*`,
/// `tcp_user_timeout`) so that a peer that vanished (network cut, host frozen) is noticed in about two
/// minutes instead of never. Applied to every ``Connection``; a DSN's own `keepalives*` or
/// `tcp_user_timeout` keywords win over these.
public struct ConnectionLimits: Sendable, Equatable {
    /// `statement_timeout`, in seconds (0: none).
    public var statementTimeout: Int
    /// `idle_in_transaction_session_timeout`, in seconds (0: none).
    public var idleInTransactionTimeout: Int
    /// libpq `keepalives_idle`: seconds of silence before the first probe.
    public var keepalivesIdle: Int
    /// libpq `keepalives_interval`: seconds between probes.
    public var keepalivesInterval: Int
    /// libpq `keepalives_count`: unanswered probes before the connection is dropped.
    public var keepalivesCount: Int
    /// libpq `tcp_user_timeout`, in seconds: unacknowledged data for this long drops the connection.
    public var tcpUserTimeout: Int

    /// The limits.
    public init(statementTimeout: Int = 3600, idleInTransactionTimeout: Int = 1800, keepalivesIdle: Int = 60,
                keepalivesInterval: Int = 10, keepalivesCount: Int = 6, tcpUserTimeout: Int = 120) {
        self.statementTimeout = statementTimeout
        self.idleInTransactionTimeout = idleInTransactionTimeout
        self.keepalivesIdle = keepalivesIdle
        self.keepalivesInterval = keepalivesInterval
        self.keepalivesCount = keepalivesCount
        self.tcpUserTimeout = tcpUserTimeout
    }

    /// The defaults: a statement may run an hour, a transaction idle half an hour; a dead peer is
    /// noticed after 60 s + 6 × 10 s of silence, or 120 s of unacknowledged data.
    public static let standard = ConnectionLimits()

    /// The limits of the connections this process opens from now on (``standard`` until set, e.g.
    /// from `[jobs]` of recon.toml by `recon due`).
    public static var processDefault: ConnectionLimits {
        get { lock.lock(); defer { lock.unlock() }; return current }
        set { lock.lock(); current = newValue; lock.unlock() }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var current = ConnectionLimits.standard

    /// libpq keywords (placed before the DSN's own, which win).
    var keywords: [(String, String)] {
        [("keepalives", "1"), ("keepalives_idle", String(keepalivesIdle)), ("keepalives_interval", String(keepalivesInterval)),
         ("keepalives_count", String(keepalivesCount)), ("tcp_user_timeout", String(tcpUserTimeout * 1000))]
    }

    /// Session settings pinned after connecting.
    var sessionSettings: [(String, String)] {
        [("statement_timeout", "\(statementTimeout)s"), ("idle_in_transaction_session_timeout", "\(idleInTransactionTimeout)s")]
    }
}
