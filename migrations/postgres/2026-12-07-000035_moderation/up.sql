-- Moderation: a recruiter's posting waits in `pending_review` until the board's staff approve
-- it (or reject it, with a reason); each submission keeps the posting's form values as sent
-- (`snapshot`, JSON), so the review shows what changed since the last approved one. A company
-- that signed up waits for approval (`awaiting_approval`) before its postings can go live; a trusted
-- one (`auto_publish`) skips the review. Keep in step with the other backends' migrations.
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN
        SELECT con.conname AS name
        FROM pg_constraint con
        JOIN pg_class rel ON rel.oid = con.conrelid
        WHERE con.contype = 'c'
          AND rel.relnamespace = current_schema()::regnamespace
          AND rel.relname = 'jobs'
          AND pg_get_constraintdef(con.oid) LIKE '%''archived''%'
    LOOP
        EXECUTE format('ALTER TABLE jobs DROP CONSTRAINT %I', c.name);
    END LOOP;
END $$;
ALTER TABLE jobs ADD CONSTRAINT jobs_status_check
    CHECK (status IN ('draft', 'published', 'expired', 'filled', 'archived', 'pending_review'));

ALTER TABLE companies ADD COLUMN awaiting_approval BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE companies ADD COLUMN auto_publish BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE job_reviews (
    id BIGSERIAL PRIMARY KEY,
    job_id BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    submitted_by BIGINT REFERENCES admin_users (id) ON DELETE SET NULL,
    submitted_at TIMESTAMP NOT NULL,
    snapshot TEXT NOT NULL,
    decision VARCHAR(16) CHECK (decision IN ('approved', 'rejected')),
    decided_by BIGINT REFERENCES admin_users (id) ON DELETE SET NULL,
    decided_at TIMESTAMP,
    reason TEXT
);
CREATE INDEX job_reviews_job_id_idx ON job_reviews (job_id, id);
CREATE INDEX job_reviews_submitted_by_idx ON job_reviews (submitted_by);
CREATE INDEX job_reviews_decided_by_idx ON job_reviews (decided_by);
