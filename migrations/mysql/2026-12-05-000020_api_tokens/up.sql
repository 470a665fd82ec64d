-- API tokens: what a partner's program shows instead of a password. Only the SHA-256 digest of
-- a token is kept (tokens are long and random, so no slow hash is needed), with its first
-- characters so people can tell tokens apart. Scopes are a comma-separated list; a token with
-- a company sees and changes only that company's records. Who made or revoked a token is in the audit log. Keep in step with
-- migrations/sqlite, migrations/postgres and schema.rs.
CREATE TABLE api_tokens (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    prefix VARCHAR(32) COLLATE utf8mb4_bin NOT NULL,
    digest VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    scopes VARCHAR(255) NOT NULL,
    company_id BIGINT,
    expires_at DATETIME(6),
    last_used_at DATETIME(6),
    last_used_from VARCHAR(64),
    revoked_at DATETIME(6),
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    UNIQUE INDEX api_tokens_digest (digest),
    INDEX api_tokens_company (company_id),
    INDEX api_tokens_created (created_at, id),
    CONSTRAINT api_tokens_company_id_fkey FOREIGN KEY (company_id)
        REFERENCES companies (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The back office's list counts its scopes again when a token changes (see 000015); a
-- company's deletion cascades to its tokens without firing their triggers.
CREATE TRIGGER api_tokens_ai_changes AFTER INSERT ON api_tokens FOR EACH ROW INSERT INTO change_events (name) VALUES ('api_tokens');
CREATE TRIGGER api_tokens_au_changes AFTER UPDATE ON api_tokens FOR EACH ROW INSERT INTO change_events (name) VALUES ('api_tokens');
CREATE TRIGGER api_tokens_ad_changes AFTER DELETE ON api_tokens FOR EACH ROW INSERT INTO change_events (name) VALUES ('api_tokens');
CREATE TRIGGER companies_bd_token_changes BEFORE DELETE ON companies FOR EACH ROW INSERT INTO change_events (name) SELECT 'api_tokens' FROM DUAL WHERE EXISTS (SELECT 1 FROM api_tokens WHERE api_tokens.company_id = OLD.id);
