-- Job alerts: a seeker's saved search, mailed as digests of new postings after a double
-- opt-in. Keep in step with migrations/postgres and schema.rs.
CREATE TABLE job_alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    email TEXT NOT NULL,
    -- The search's query string, as the search page writes it (no page, no sort).
    query TEXT NOT NULL,
    -- instant, daily or weekly.
    frequency TEXT NOT NULL,
    locale TEXT NOT NULL,
    -- Set by the confirmation link; digests go only to confirmed alerts.
    confirmed_at TIMESTAMP,
    unsubscribed_at TIMESTAMP,
    -- The last confirmation mail, so that repeated sign-ups cannot flood an inbox.
    confirm_sent_at TIMESTAMP,
    -- When a digest last looked for postings, and when one last went out.
    checked_at TIMESTAMP,
    last_sent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX job_alerts_email_query_idx ON job_alerts (email, query);
CREATE INDEX job_alerts_frequency_idx ON job_alerts (frequency, confirmed_at);

-- Which postings each alert has mailed: a digest holds only postings not in here.
CREATE TABLE alert_sent (
    alert_id BIGINT NOT NULL REFERENCES job_alerts (id) ON DELETE CASCADE,
    job_id BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    sent_at TIMESTAMP NOT NULL,
    PRIMARY KEY (alert_id, job_id)
);
CREATE INDEX alert_sent_job_idx ON alert_sent (job_id);
