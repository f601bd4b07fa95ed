-- The province portal's API tokens (recon tokens create / list / revoke; recon serve).
-- A token is shown once when created and stored only as its SHA-256 (computed by PostgreSQL's
-- sha256()). Tokens are 256 random bits, so an unsalted hash cannot be brute-forced; a salt would
-- only prevent the index lookup by hash.
CREATE TABLE recon.portal_tokens (
    id             bigserial PRIMARY KEY,
    token_hash     bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    province_code  text REFERENCES recon.provinces (code),   -- NULL: the ministry role (sees all provinces)
    name           text NOT NULL CHECK (name <> ''),
    created_at     timestamptz NOT NULL DEFAULT now(),
    revoked_at     timestamptz
);
COMMENT ON TABLE recon.portal_tokens IS '门户访问令牌';
