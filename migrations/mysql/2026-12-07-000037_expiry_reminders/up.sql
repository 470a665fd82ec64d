-- Expiry reminders (src/tasks/expiry_reminders.rs): one row per mail sent, for the closing
-- date it warned of, so each reminder goes once per date and an extended posting is reminded
-- again of its new date. Keep in step with the other backends' migrations.
CREATE TABLE posting_reminders (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    job_id BIGINT NOT NULL,
    days_before INTEGER NOT NULL,
    valid_through DATETIME(6) NOT NULL,
    sent_at DATETIME(6) NOT NULL,
    UNIQUE KEY posting_reminders_job_days_until_key (job_id, days_before, valid_through),
    CONSTRAINT posting_reminders_job_id_fkey FOREIGN KEY (job_id)
        REFERENCES jobs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
