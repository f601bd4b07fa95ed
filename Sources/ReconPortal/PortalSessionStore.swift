import Foundation
import PostgresClient
import ReconRules

/// What a session cookie is worth at a given time.
public enum SessionLookup: Sendable, Equatable {
    /// A live session: its caller and the CSRF token its forms must carry.
    case valid(PortalCaller, csrf: String)
    /// A session that existed but ended (expired, idle too long, logged out, token revoked):
    /// the page says 会话已过期，请重新登录.
    case ended
    /// No such session.
    case unknown
}

/// Server-side sessions of the pages (`recon.portal_sessions`, migration 0009).
///
/// A session id is `rcs_` + 64 hex digits from the system's random source; only `sha256(id)` is
/// stored, and the CSRF token is `sha256('csrf:' || id)` in hex, computed when needed: the
/// database holds nothing that opens a session.
public struct PortalSessionStore {
    let connection: Connection

    /// A store over a migrated results database.
    public init(connection: Connection) { self.connection = connection }

    /// Opens a session for `tokenID` at `now`, ending at `now + lifetime` or after `idle` without
    /// a request; returns the session id (for the cookie only).
    public func open(tokenID: Int64, now: Date, lifetime: Duration, idle: Duration) throws -> String {
        let id = Self.randomID(prefix: "rcs_")
        try connection.execute("""
            INSERT INTO recon.portal_sessions (session_hash, token_id, created_at, last_seen_at, expires_at, idle_seconds)
            VALUES (sha256(convert_to($1, 'UTF8')), $2, $3::timestamptz, $3::timestamptz,
                    $3::timestamptz + make_interval(secs => $4::double precision), $5)
            """, [id, String(tokenID), BeijingTimeFormat.sql(now), String(lifetime.components.seconds),
                  String(max(1, idle.components.seconds))])
        return id
    }

    /// The session `id` at `now`; a live one is touched (its idle time starts again).
    public func lookup(_ id: String, now: Date) throws -> SessionLookup {
        guard id.hasPrefix("rcs_"), id.utf8.count == 68 else { return .unknown }
        let when = BeijingTimeFormat.sql(now)
        if let row = try connection.execute("""
            UPDATE recon.portal_sessions s SET last_seen_at = greatest(s.last_seen_at, $2::timestamptz)
            FROM recon.portal_tokens t
            WHERE s.session_hash = sha256(convert_to($1, 'UTF8')) AND t.id = s.token_id AND t.revoked_at IS NULL
              AND (t.expires_at IS NULL OR t.expires_at > $2::timestamptz)
              AND s.revoked_at IS NULL AND s.expires_at > $2::timestamptz
              AND s.last_seen_at + make_interval(secs => s.idle_seconds) > $2::timestamptz
            RETURNING t.id, t.name, t.province_code, encode(sha256(convert_to('csrf:' || $1, 'UTF8')), 'hex') AS csrf
            """, [id, when]).rows.first {
            guard let tokenID = Int64(try row.string("id")) else { return .unknown }
            return .valid(PortalCaller(tokenID: tokenID, name: try row.string("name"), provinceCode: row["province_code"]),
                          csrf: try row.string("csrf"))
        }
        let known = try connection.execute("SELECT 1 FROM recon.portal_sessions WHERE session_hash = sha256(convert_to($1, 'UTF8'))",
                                           [id]).rows
        return known.isEmpty ? .unknown : .ended
    }

    /// Ends session `id` (logout); an unknown or ended session is left as it is.
    public func revoke(_ id: String, now: Date) throws {
        guard id.hasPrefix("rcs_"), id.utf8.count == 68 else { return }
        try connection.execute("""
            UPDATE recon.portal_sessions SET revoked_at = coalesce(revoked_at, $2::timestamptz)
            WHERE session_hash = sha256(convert_to($1, 'UTF8'))
            """, [id, BeijingTimeFormat.sql(now)])
    }

    /// `prefix` + 64 hex digits (256 bits from the system's random source).
    static func randomID(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return prefix + (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }
}
