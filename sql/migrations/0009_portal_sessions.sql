-- The portal's server-side sessions (recon serve). The browser's cookie holds a random session id
-- (256 bits), never the long-lived token; only sha256(id) is stored. A session ends at expires_at,
-- after idle_seconds without a request, at logout (revoked_at), or when its token is revoked.
-- The per-session CSRF token is derived from the id (sha256 of 'csrf:' || id), so nothing secret
-- is stored here either.
CREATE TABLE recon.portal_sessions (
    id            bigserial PRIMARY KEY,
    session_hash  bytea NOT NULL UNIQUE CHECK (octet_length(session_hash) = 32),
    token_id      bigint NOT NULL REFERENCES recon.portal_tokens (id),
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL CHECK (last_seen_at >= created_at),
    expires_at    timestamptz NOT NULL CHECK (expires_at > created_at),
    idle_seconds  integer NOT NULL CHECK (idle_seconds > 0),
    revoked_at    timestamptz
);
CREATE INDEX portal_sessions_token ON recon.portal_sessions (token_id);
COMMENT ON TABLE recon.portal_sessions IS '门户会话';
