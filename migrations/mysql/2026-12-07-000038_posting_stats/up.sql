-- Per-posting numbers by day (src/analytics/): what each process counted in memory, added here
-- in batches. Only counts: no visitor, address or cookie is stored for them. Keep in step with
-- the other backends' migrations.
CREATE TABLE posting_stats (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    job_id BIGINT NOT NULL,
    day DATETIME(6) NOT NULL,
    views BIGINT NOT NULL DEFAULT 0,
    search_appearances BIGINT NOT NULL DEFAULT 0,
    alert_appearances BIGINT NOT NULL DEFAULT 0,
    apply_clicks BIGINT NOT NULL DEFAULT 0,
    applications BIGINT NOT NULL DEFAULT 0,
    UNIQUE KEY posting_stats_job_day_key (job_id, day),
    CONSTRAINT posting_stats_job_id_fkey FOREIGN KEY (job_id)
        REFERENCES jobs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
