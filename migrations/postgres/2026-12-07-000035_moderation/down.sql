DROP TABLE job_reviews;
ALTER TABLE companies DROP COLUMN auto_publish;
ALTER TABLE companies DROP COLUMN awaiting_approval;
UPDATE jobs SET status = 'draft' WHERE status = 'pending_review';
ALTER TABLE jobs DROP CONSTRAINT jobs_status_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_status_check
    CHECK (status IN ('draft', 'published', 'expired', 'filled', 'archived'));
