-- Partners' job feeds (an applicant-tracking system's Greenhouse job-board JSON or Indeed-style
-- XML) that the board fetches on a schedule for one company: postings are created and updated
-- by the feed's own ids (import_refs, source "feed:{id}"), in the language the source names,
-- and closed when they leave the feed.
-- Each fetch is logged in feed_runs (counts, duration, the error as a message id and its
-- arguments in JSON, the first refused postings with their reasons in JSON). Keep in step
-- with the other backends' migrations and schema.rs.
CREATE TABLE feed_sources (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    company_id BIGINT NOT NULL,
    url VARCHAR(2000) NOT NULL,
    format VARCHAR(20) NOT NULL CHECK (format IN ('greenhouse', 'indeed')),
    locale VARCHAR(16) NOT NULL,
    every_hours INTEGER NOT NULL,
    publish BOOLEAN NOT NULL,
    enabled BOOLEAN NOT NULL,
    next_run_at DATETIME(6) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    INDEX feed_sources_company_id_idx (company_id),
    INDEX feed_sources_due_idx (enabled, next_run_at),
    CONSTRAINT feed_sources_company_id_fkey FOREIGN KEY (company_id)
        REFERENCES companies (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE feed_runs (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    source_id BIGINT NOT NULL,
    started_at DATETIME(6) NOT NULL,
    duration_ms INTEGER NOT NULL,
    ok BOOLEAN NOT NULL,
    postings INTEGER NOT NULL,
    created_count INTEGER NOT NULL,
    updated_count INTEGER NOT NULL,
    unchanged_count INTEGER NOT NULL,
    closed_count INTEGER NOT NULL,
    failed_count INTEGER NOT NULL,
    error TEXT,
    failures MEDIUMTEXT NOT NULL,
    INDEX feed_runs_source_idx (source_id, id),
    CONSTRAINT feed_runs_source_id_fkey FOREIGN KEY (source_id)
        REFERENCES feed_sources (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- The back office's list counts its scopes again when a source changes (see 000015); a
-- company's deletion takes its sources by cascade, which fires no trigger of theirs.
CREATE TRIGGER feed_sources_ai_changes AFTER INSERT ON feed_sources FOR EACH ROW INSERT INTO change_events (name) VALUES ('feed_sources');
CREATE TRIGGER feed_sources_au_changes AFTER UPDATE ON feed_sources FOR EACH ROW INSERT INTO change_events (name) VALUES ('feed_sources');
CREATE TRIGGER feed_sources_ad_changes AFTER DELETE ON feed_sources FOR EACH ROW INSERT INTO change_events (name) VALUES ('feed_sources');
CREATE TRIGGER companies_bd_feed_changes BEFORE DELETE ON companies FOR EACH ROW INSERT INTO change_events (name) SELECT 'feed_sources' FROM DUAL WHERE EXISTS (SELECT 1 FROM feed_sources WHERE feed_sources.company_id = OLD.id);
