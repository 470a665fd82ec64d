-- API tokens: what a partner's program shows instead of a password. Only the SHA-256 digest of
-- a token is kept (tokens are long and random, so no slow hash is needed), with its first
-- characters so people can tell tokens apart. Scopes are a comma-separated list; a token with
-- a company sees and changes only that company's records. Keep in step with
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
    created_by BIGINT,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    UNIQUE INDEX api_tokens_digest (digest),
    INDEX api_tokens_company (company_id),
    INDEX api_tokens_created (created_at, id),
    CONSTRAINT api_tokens_company_id_fkey FOREIGN KEY (company_id)
        REFERENCES companies (id) ON DELETE CASCADE,
    CONSTRAINT api_tokens_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES admin_users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
