-- Idempotency keys of the partner API: a POST sent again with the same Idempotency-Key
-- header gets the first response back instead of making a second record. Each key belongs to
-- one token; `digest` is the request's (method, path and content) so that another request
-- under a used key is refused. A row without a status is a request still being answered.
-- Rows go after a day (purge_tasks). Keep in step with migrations/sqlite, migrations/mysql
-- and schema.rs.
CREATE TABLE idempotency_keys (
    id BIGSERIAL PRIMARY KEY,
    token_id BIGINT NOT NULL REFERENCES api_tokens (id) ON DELETE CASCADE,
    idempotency_key TEXT NOT NULL,
    digest TEXT NOT NULL,
    status INTEGER,
    location TEXT,
    body TEXT,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (token_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
