DROP TABLE job_reviews;
ALTER TABLE companies DROP COLUMN auto_publish;
ALTER TABLE companies DROP COLUMN awaiting_approval;
UPDATE jobs SET status = 'draft' WHERE status = 'pending_review';
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql,
    'CHECK (status IN (''draft'', ''published'', ''expired'', ''filled'', ''archived'', ''pending_review''))',
    'CHECK (status IN (''draft'', ''published'', ''expired'', ''filled'', ''archived''))')
WHERE type = 'table' AND name = 'jobs';
PRAGMA writable_schema = OFF;
CREATE TABLE moderation_schema_bump (x INTEGER);
DROP TABLE moderation_schema_bump;
PRAGMA writable_schema = RESET;
