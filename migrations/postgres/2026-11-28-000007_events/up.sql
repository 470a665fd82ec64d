-- Domain events (job.published, application.created…), recorded in the same transaction as
-- the change they describe: what webhooks deliver to partners. Keep in step with
-- migrations/sqlite and schema.rs.
CREATE TABLE events (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    subject_id BIGINT NOT NULL,
    -- The event's data as JSON, as it will be sent.
    payload TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX events_kind_idx ON events (kind, id);
