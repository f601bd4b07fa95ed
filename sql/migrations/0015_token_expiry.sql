-- Portal tokens an operator can manage (issue 24 item 8): an optional expiry (recon tokens create
-- --expires, rotate), after which the token is refused like a revoked one, and the time of its last
-- accepted use (shown by recon tokens list).
ALTER TABLE recon.portal_tokens
    ADD COLUMN expires_at   timestamptz CHECK (expires_at > created_at),
    ADD COLUMN last_used_at timestamptz CHECK (last_used_at >= created_at),
    ADD COLUMN replaces     bigint REFERENCES recon.portal_tokens (id);   -- rotation: the token this one replaced
COMMENT ON COLUMN recon.portal_tokens.expires_at IS '到期时间（NULL：不过期）';
COMMENT ON COLUMN recon.portal_tokens.last_used_at IS '最近一次使用时间';
