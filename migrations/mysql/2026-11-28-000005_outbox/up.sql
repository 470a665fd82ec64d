-- Mail kept by the development transport (no SMTP_URL): every message the board would have
-- sent, shown in the admin's Outbox. One row per sending task, so a retried task does not
-- store its message twice. Keep in step with migrations/sqlite, migrations/postgres and
-- schema.rs. Bodies (a digest of many postings) can outgrow TEXT: MEDIUMTEXT.
CREATE TABLE outbox_messages (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    task_id BIGINT,
    kind VARCHAR(255) NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body MEDIUMTEXT NOT NULL,
    html_body MEDIUMTEXT NOT NULL,
    -- Extra headers as JSON: [["List-Unsubscribe", "<https://…>"], …]
    headers TEXT NOT NULL DEFAULT ('[]'),
    locale VARCHAR(16) NOT NULL,
    created_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE UNIQUE INDEX outbox_messages_task_idx ON outbox_messages (task_id);
CREATE INDEX outbox_messages_created_idx ON outbox_messages (created_at);
