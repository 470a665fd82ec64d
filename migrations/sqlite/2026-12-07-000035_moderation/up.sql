-- Moderation: a recruiter's posting waits in `pending_review` until the board's staff approve
-- it (or reject it, with a reason); each submission keeps the posting's form values as sent
-- (`snapshot`, JSON), so the review shows what changed since the last approved one. A company
-- that signed up waits for approval (`awaiting_approval`) before its postings can go live; a trusted
-- one (`auto_publish`) skips the review. The status CHECK widens as 000034 widened the role's.
-- Keep in step with the other backends' migrations.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql,
    'CHECK (status IN (''draft'', ''published'', ''expired'', ''filled'', ''archived''))',
    'CHECK (status IN (''draft'', ''published'', ''expired'', ''filled'', ''archived'', ''pending_review''))')
WHERE type = 'table' AND name = 'jobs';
PRAGMA writable_schema = OFF;
CREATE TABLE moderation_schema_bump (x INTEGER);
DROP TABLE moderation_schema_bump;
PRAGMA writable_schema = RESET;

ALTER TABLE companies ADD COLUMN awaiting_approval BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE companies ADD COLUMN auto_publish BOOLEAN NOT NULL DEFAULT 0;

CREATE TABLE job_reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    job_id BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    submitted_by BIGINT REFERENCES admin_users (id) ON DELETE SET NULL,
    submitted_at TIMESTAMP NOT NULL,
    snapshot TEXT NOT NULL,
    decision TEXT CHECK (decision IN ('approved', 'rejected')),
    decided_by BIGINT REFERENCES admin_users (id) ON DELETE SET NULL,
    decided_at TIMESTAMP,
    reason TEXT
);
CREATE INDEX job_reviews_job_id_idx ON job_reviews (job_id, id);
CREATE INDEX job_reviews_submitted_by_idx ON job_reviews (submitted_by);
CREATE INDEX job_reviews_decided_by_idx ON job_reviews (decided_by);
