-- Job alerts: a seeker's saved search, mailed as digests of new postings after a double
-- opt-in. Keep in step with migrations/sqlite, migrations/postgres and schema.rs.
CREATE TABLE job_alerts (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email VARCHAR(320) NOT NULL,
    -- The search's query string, as the search page writes it (no page, no sort). It has no
    -- length limit (any number of skills), so it stays TEXT.
    query TEXT NOT NULL,
    -- instant, daily or weekly.
    frequency VARCHAR(32) NOT NULL,
    locale VARCHAR(16) NOT NULL,
    -- Set by the confirmation link. Digests go only to confirmed alerts.
    confirmed_at DATETIME(6),
    unsubscribed_at DATETIME(6),
    -- The last confirmation mail, so that repeated sign-ups cannot flood an inbox.
    confirm_sent_at DATETIME(6),
    -- When a digest last looked for postings, and when one last went out.
    checked_at DATETIME(6),
    last_sent_at DATETIME(6),
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    -- MySQL only (not in schema.rs, never written by the application): the SHA-256 of the
    -- query, so that the unique key of (email, query) fits the index key limit whatever the
    -- query's length. It compares the query byte for byte, as the other backends do.
    query_hash BINARY(32) GENERATED ALWAYS AS (UNHEX(SHA2(query, 256))) STORED
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX job_alerts_email_query_idx ON job_alerts (email, query_hash);
CREATE INDEX job_alerts_frequency_idx ON job_alerts (frequency, confirmed_at);

-- Which postings each alert has mailed: a digest holds only postings not in here.
CREATE TABLE alert_sent (
    alert_id BIGINT NOT NULL,
    job_id BIGINT NOT NULL,
    sent_at DATETIME(6) NOT NULL,
    -- Also the index of the foreign key on alert_id.
    PRIMARY KEY (alert_id, job_id),
    INDEX alert_sent_job_idx (job_id),
    CONSTRAINT alert_sent_alert_id_fkey FOREIGN KEY (alert_id)
        REFERENCES job_alerts (id) ON DELETE CASCADE,
    CONSTRAINT alert_sent_job_id_fkey FOREIGN KEY (job_id)
        REFERENCES jobs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
