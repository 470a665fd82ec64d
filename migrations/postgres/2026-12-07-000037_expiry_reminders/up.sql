-- Expiry reminders (src/tasks/expiry_reminders.rs): one row per mail sent, for the closing
-- date it warned of, so each reminder goes once per date and an extended posting is reminded
-- again of its new date. Keep in step with the other backends' migrations.
CREATE TABLE posting_reminders (
    id BIGSERIAL PRIMARY KEY,
    job_id BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    days_before INTEGER NOT NULL,
    valid_through TIMESTAMP NOT NULL,
    sent_at TIMESTAMP NOT NULL,
    UNIQUE (job_id, days_before, valid_through)
);
