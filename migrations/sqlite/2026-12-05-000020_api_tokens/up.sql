-- API tokens: what a partner's program shows instead of a password. Only the SHA-256 digest of
-- a token is kept (tokens are long and random, so no slow hash is needed), with its first
-- characters so people can tell tokens apart. Scopes are a comma-separated list; a token with
-- a company sees and changes only that company's records. Who made or revoked a token is in the audit log. Keep in step with
-- migrations/postgres, migrations/mysql and schema.rs.
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    digest TEXT NOT NULL UNIQUE,
    scopes TEXT NOT NULL,
    company_id BIGINT REFERENCES companies (id) ON DELETE CASCADE,
    expires_at TIMESTAMP,
    last_used_at TIMESTAMP,
    last_used_from TEXT,
    revoked_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX api_tokens_company ON api_tokens (company_id);
CREATE INDEX api_tokens_created ON api_tokens (created_at, id);

-- The back office's list counts its scopes again when a token changes (see 000015).
INSERT INTO change_counters (name) VALUES ('api_tokens');
CREATE TRIGGER api_tokens_ai_changes AFTER INSERT ON api_tokens BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'api_tokens'; END;
CREATE TRIGGER api_tokens_au_changes AFTER UPDATE ON api_tokens BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'api_tokens'; END;
CREATE TRIGGER api_tokens_ad_changes AFTER DELETE ON api_tokens BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'api_tokens'; END;
