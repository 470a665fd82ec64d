-- Idempotency keys of the partner API: a POST sent again with the same Idempotency-Key
-- header gets the first response back instead of making a second record. Each key belongs to
-- one token; `digest` is the request's (method, path and content) so that another request
-- under a used key is refused. A row without a status is a request still being answered.
-- Rows go after a day (purge_tasks). Keys compare byte for byte. Keep in step with
-- migrations/sqlite, migrations/postgres and schema.rs.
CREATE TABLE idempotency_keys (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    token_id BIGINT NOT NULL,
    idempotency_key VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    digest VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    status INT,
    location VARCHAR(255),
    body MEDIUMTEXT,
    created_at DATETIME(6) NOT NULL,
    UNIQUE INDEX idempotency_keys_token_key (token_id, idempotency_key),
    INDEX idempotency_keys_created (created_at),
    CONSTRAINT idempotency_keys_token_id_fkey FOREIGN KEY (token_id)
        REFERENCES api_tokens (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
