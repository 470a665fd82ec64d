-- Mail kept by the development transport (no SMTP_URL): every message the board would have
-- sent, shown in the admin's Outbox. One row per sending task, so a retried task does not
-- store its message twice. Keep in step with migrations/sqlite and schema.rs.
CREATE TABLE outbox_messages (
    id BIGSERIAL PRIMARY KEY,
    task_id BIGINT,
    kind TEXT NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    -- Extra headers as JSON: [["List-Unsubscribe", "<https://…>"], …]
    headers TEXT NOT NULL DEFAULT '[]',
    locale TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX outbox_messages_task_idx ON outbox_messages (task_id);
CREATE INDEX outbox_messages_created_idx ON outbox_messages (created_at);
