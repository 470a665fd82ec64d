-- Moderation: a recruiter's posting waits in `pending_review` until the board's staff approve
-- it (or reject it, with a reason); each submission keeps the posting's form values as sent
-- (`snapshot`, JSON), so the review shows what changed since the last approved one. A company
-- that signed up waits for approval (`awaiting_approval`) before its postings can go live; a trusted
-- one (`auto_publish`) skips the review. The status CHECK is replaced as 000034 replaced the
-- role's. Keep in step with the other backends' migrations.
ALTER TABLE jobs MODIFY status VARCHAR(32) NOT NULL DEFAULT 'draft';
CREATE PROCEDURE hireboard_drop_status_check()
BEGIN
    DECLARE done INT DEFAULT 0;
    DECLARE n VARCHAR(64);
    DECLARE checks CURSOR FOR
        SELECT CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS
        WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'jobs'
          AND CHECK_CLAUSE LIKE '%''archived''%';
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
    OPEN checks;
    each_check: LOOP
        FETCH checks INTO n;
        IF done THEN
            LEAVE each_check;
        END IF;
        SET @statement = CONCAT('ALTER TABLE jobs DROP CONSTRAINT `', n, '`');
        PREPARE drop_check FROM @statement;
        EXECUTE drop_check;
        DEALLOCATE PREPARE drop_check;
    END LOOP;
    CLOSE checks;
END;
CALL hireboard_drop_status_check();
DROP PROCEDURE hireboard_drop_status_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_status_check
    CHECK (status IN ('draft', 'published', 'expired', 'filled', 'archived', 'pending_review'));

ALTER TABLE companies ADD COLUMN awaiting_approval BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE companies ADD COLUMN auto_publish BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE job_reviews (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    job_id BIGINT NOT NULL,
    submitted_by BIGINT NULL,
    submitted_at DATETIME(6) NOT NULL,
    snapshot MEDIUMTEXT NOT NULL,
    decision VARCHAR(16) NULL CHECK (decision IN ('approved', 'rejected')),
    decided_by BIGINT NULL,
    decided_at DATETIME(6) NULL,
    reason TEXT NULL,
    INDEX job_reviews_job_id_idx (job_id, id),
    INDEX job_reviews_submitted_by_idx (submitted_by),
    INDEX job_reviews_decided_by_idx (decided_by),
    CONSTRAINT job_reviews_job_id_fkey FOREIGN KEY (job_id)
        REFERENCES jobs (id) ON DELETE CASCADE,
    CONSTRAINT job_reviews_submitted_by_fkey FOREIGN KEY (submitted_by)
        REFERENCES admin_users (id) ON DELETE SET NULL,
    CONSTRAINT job_reviews_decided_by_fkey FOREIGN KEY (decided_by)
        REFERENCES admin_users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
