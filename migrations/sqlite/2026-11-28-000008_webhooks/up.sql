-- Webhook endpoints (managed in the admin) and the log of every delivery attempt. Keep in
-- step with migrations/postgres and schema.rs.
CREATE TABLE webhook_endpoints (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    url TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    -- Comma-separated event kinds, or * for every kind.
    events TEXT NOT NULL,
    -- whsec_… (Standard Webhooks); shown to admins so receivers can verify signatures.
    secret TEXT NOT NULL,
    enabled BOOLEAN NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    endpoint_id BIGINT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id BIGINT NOT NULL,
    attempt INTEGER NOT NULL,
    -- The receiver's HTTP status; none when no answer came (refused, timeout, network).
    status_code INTEGER,
    duration_ms INTEGER NOT NULL,
    error TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id);
