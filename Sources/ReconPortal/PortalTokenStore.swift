import Foundation
import PostgresClient
import ReconRules

/// One row of `recon.portal_tokens` (never the token itself: only its hash is stored).
public struct PortalTokenInfo: Sendable, Hashable {
    /// The id (`recon tokens revoke ID`).
    public var id: Int64
    /// The province, or nil for the ministry role.
    public var provinceCode: String?
    /// The name given at creation.
    public var name: String
    /// Creation time, Beijing time text.
    public var createdAt: String
    /// Revocation time, Beijing time text, if revoked.
    public var revokedAt: String?
    /// Expiry time, Beijing time text, if it expires (refused from then on, like a revoked token).
    public var expiresAt: String? = nil
    /// The time of its last accepted use, Beijing time text (to the minute), if ever used.
    public var lastUsedAt: String? = nil
    /// The token this one replaced (`recon tokens rotate`).
    public var replaces: Int64? = nil
}

/// Errors of token management.
public enum PortalTokenError: Error, CustomStringConvertible, Equatable {
    /// `recon tokens revoke ID` of an id that does not exist.
    case noSuchToken(Int64)
    /// A province code that is not a configured province.
    case unknownProvince(String)
    /// An expiry that is not after the creation.
    case expiryInThePast(String)
    /// `recon tokens rotate ID` of a revoked or expired token.
    case notActive(Int64)

    /// The message.
    public var description: String {
        switch self {
        case .noSuchToken(let id): "no portal token with id \(id)"
        case .unknownProvince(let code): "province \(code) is not in recon.provinces (configure it first)"
        case .expiryInThePast(let when): "the expiry \(when) is not in the future"
        case .notActive(let id): "portal token \(id) is revoked or expired: create a new one instead of rotating it"
        }
    }
}

/// Creates, lists, revokes and checks portal tokens in the results database.
///
/// A token is `rcn_` + 64 hex digits (256 bits from the system's random source). Only
/// `sha256(token)` is stored (computed by PostgreSQL's `sha256()`, so no crypto library is needed);
/// with 256 random bits an unsalted hash is safe, and it allows a lookup by index.
public struct PortalTokenStore {
    let connection: Connection

    /// A store over a migrated results database.
    public init(connection: Connection) { self.connection = connection }

    /// Creates a token for a province (or the ministry role when `province` is nil); returns the
    /// token (to be shown once) and its row.
    public func create(province: String?, name: String, expires: Date? = nil, replaces: Int64? = nil) throws -> (token: String, info: PortalTokenInfo) {
        if let expires, expires <= Date() { throw PortalTokenError.expiryInThePast(BeijingTimeFormat.human(expires)) }
        if let province, try connection.execute("SELECT 1 FROM recon.provinces WHERE code = $1", [province]).rows.isEmpty {
            throw PortalTokenError.unknownProvince(province)
        }
        var generator = SystemRandomNumberGenerator()
        let token = "rcn_" + (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
        let row = try connection.execute("""
            INSERT INTO recon.portal_tokens (token_hash, province_code, name, expires_at, replaces)
            VALUES (sha256(convert_to($1, 'UTF8')), $2, $3, to_timestamp($4::double precision), $5::bigint)
            RETURNING \(Self.columns)
            """, [token, province, name, expires.map { String($0.timeIntervalSince1970) }, replaces.map(String.init)]).singleRow()
        return (token, try Self.decode(row))
    }

    /// All tokens, by id.
    public func list() throws -> [PortalTokenInfo] {
        try connection.execute("""
            SELECT \(Self.columns) FROM recon.portal_tokens ORDER BY id
            """).rows.map(Self.decode)
    }

    /// Revokes token `id` (a revoked token stays revoked); `PortalTokenError.noSuchToken` if absent.
    public func revoke(id: Int64) throws {
        let rows = try connection.execute("""
            UPDATE recon.portal_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING id
            """, [String(id)]).rows
        if rows.isEmpty { throw PortalTokenError.noSuchToken(id) }
    }

    /// Rotation: a new token for the same province and name (and expiry `expires`), and token `id`
    /// revoked, in one transaction — the old one works until this commits, the new one from then on.
    public func rotate(id: Int64, expires: Date? = nil) throws -> (token: String, info: PortalTokenInfo) {
        try connection.transaction { db in
            let store = PortalTokenStore(connection: db)
            guard let old = try db.execute("""
                SELECT province_code, name, revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now()) AS active
                FROM recon.portal_tokens WHERE id = $1 FOR UPDATE
                """, [String(id)]).rows.first else { throw PortalTokenError.noSuchToken(id) }
            guard try old.bool("active") else { throw PortalTokenError.notActive(id) }
            let created = try store.create(province: old["province_code"], name: try old.string("name"), expires: expires, replaces: id)
            try store.revoke(id: id)
            return created
        }
    }

    /// The caller holding `token`, or nil for an unknown, revoked or expired token. An accepted use is
    /// recorded as the token's last use (at most once a minute, so that requests do not queue on it).
    public func caller(token: String) throws -> PortalCaller? {
        guard token.hasPrefix("rcn_"), token.utf8.count == 68 else { return nil }
        guard let row = try connection.execute("""
            WITH found AS (
                SELECT id, name, province_code FROM recon.portal_tokens
                WHERE token_hash = sha256(convert_to($1, 'UTF8')) AND revoked_at IS NULL
                  AND (expires_at IS NULL OR expires_at > now())),
            used AS (
                UPDATE recon.portal_tokens t SET last_used_at = now() FROM found
                WHERE t.id = found.id AND (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute'))
            SELECT id, name, province_code FROM found
            """, [token]).rows.first else { return nil }
        guard let id = Int64(try row.string("id")) else { return nil }
        return PortalCaller(tokenID: id, name: try row.string("name"), provinceCode: row["province_code"])
    }

    /// SQL for a timestamptz column as Beijing time text.
    static func timeText(_ column: String) -> String {
        "to_char(\(column) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS')"
    }

    /// The columns ``decode(_:)`` reads.
    static let columns = """
        id, province_code, name, \(timeText("created_at")) AS created_at, \(timeText("revoked_at")) AS revoked_at,
        \(timeText("expires_at")) AS expires_at, to_char(last_used_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS last_used_at, replaces
        """

    static func decode(_ row: Row) throws -> PortalTokenInfo {
        let idText = try row.string("id")
        guard let id = Int64(idText) else { throw PortalTokenError.noSuchToken(-1) }
        return PortalTokenInfo(id: id, provinceCode: row["province_code"], name: try row.string("name"),
                               createdAt: try row.string("created_at"), revokedAt: row["revoked_at"],
                               expiresAt: row["expires_at"], lastUsedAt: row["last_used_at"], replaces: row["replaces"].flatMap { Int64($0) })
    }
}
