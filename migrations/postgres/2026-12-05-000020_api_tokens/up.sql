-- API tokens: what a partner's program shows instead of a password. Only the SHA-256 digest of
-- a token is kept (tokens are long and random, so no slow hash is needed), with its first
-- characters so people can tell tokens apart. Scopes are a comma-separated list; a token with
-- a company sees and changes only that company's records. Keep in step with
-- migrations/sqlite, migrations/mysql and schema.rs.
CREATE TABLE api_tokens (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    digest TEXT NOT NULL UNIQUE,
    scopes TEXT NOT NULL,
    company_id BIGINT REFERENCES companies (id) ON DELETE CASCADE,
    expires_at TIMESTAMP,
    last_used_at TIMESTAMP,
    last_used_from TEXT,
    revoked_at TIMESTAMP,
    created_by BIGINT REFERENCES admin_users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX api_tokens_company ON api_tokens (company_id);
CREATE INDEX api_tokens_created ON api_tokens (created_at, id);
