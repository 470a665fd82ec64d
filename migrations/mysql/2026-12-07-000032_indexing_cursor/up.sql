-- Google's Indexing API notifications (off unless configured): the last of the postings'
-- events (`events.id`) the recurring `indexing` task has told Google about. One row, made on
-- the task's first run at the latest event, so that turning it on does not resend history.
-- Keep in step with the other backends' migrations and schema.rs.
CREATE TABLE indexing_cursor (
    id INTEGER NOT NULL PRIMARY KEY,
    last_event_id BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
