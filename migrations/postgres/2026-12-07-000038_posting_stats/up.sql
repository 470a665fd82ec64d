-- Per-posting numbers by day (src/analytics/): what each process counted in memory, added here
-- in batches. Only counts: no visitor, address or cookie is stored for them. Keep in step with
-- the other backends' migrations.
CREATE TABLE posting_stats (
    id BIGSERIAL PRIMARY KEY,
    job_id BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    day TIMESTAMP NOT NULL,
    views BIGINT NOT NULL DEFAULT 0,
    search_appearances BIGINT NOT NULL DEFAULT 0,
    alert_appearances BIGINT NOT NULL DEFAULT 0,
    apply_clicks BIGINT NOT NULL DEFAULT 0,
    applications BIGINT NOT NULL DEFAULT 0,
    UNIQUE (job_id, day)
);
