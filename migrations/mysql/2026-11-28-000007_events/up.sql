-- Domain events (job.published, application.created…), recorded in the same transaction as
-- the change they describe: what webhooks deliver to partners. Keep in step with
-- migrations/sqlite, migrations/postgres and schema.rs.
CREATE TABLE events (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind VARCHAR(128) NOT NULL,
    subject_id BIGINT NOT NULL,
    -- The event's data as JSON, as it will be sent (a posting with all its texts: MEDIUMTEXT).
    payload MEDIUMTEXT NOT NULL,
    created_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX events_kind_idx ON events (kind, id);
