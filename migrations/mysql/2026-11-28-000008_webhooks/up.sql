-- Webhook endpoints (managed in the admin) and the log of every delivery attempt. Keep in
-- step with migrations/sqlite, migrations/postgres and schema.rs.
CREATE TABLE webhook_endpoints (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    url VARCHAR(2000) NOT NULL,
    description TEXT NOT NULL DEFAULT (''),
    -- Comma-separated event kinds, or * for every kind.
    events TEXT NOT NULL,
    -- whsec_… (Standard Webhooks), shown to admins so receivers can verify signatures.
    secret VARCHAR(255) NOT NULL,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE webhook_deliveries (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    endpoint_id BIGINT NOT NULL,
    event_id BIGINT NOT NULL,
    attempt INT NOT NULL,
    -- The receiver's HTTP status, none when no answer came (refused, timeout, network).
    status_code INT,
    duration_ms INT NOT NULL,
    error TEXT,
    created_at DATETIME(6) NOT NULL,
    -- Also the index of the foreign key (endpoint_id comes first).
    INDEX webhook_deliveries_endpoint_idx (endpoint_id, id),
    CONSTRAINT webhook_deliveries_endpoint_id_fkey FOREIGN KEY (endpoint_id)
        REFERENCES webhook_endpoints (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
