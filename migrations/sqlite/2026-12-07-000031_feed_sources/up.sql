-- Partners' job feeds (an applicant-tracking system's Greenhouse job-board JSON or Indeed-style
-- XML) that the board fetches on a schedule for one company: postings are created and updated
-- by the feed's own ids (import_refs, source "feed:{id}"), in the language the source names,
-- and closed when they leave the feed.
-- Each fetch is logged in feed_runs (counts, duration, the error as a message id and its
-- arguments in JSON, the first refused postings with their reasons in JSON). Keep in step
-- with the other backends' migrations and schema.rs.
CREATE TABLE feed_sources (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    company_id BIGINT NOT NULL,
    url TEXT NOT NULL,
    format VARCHAR(20) NOT NULL CHECK (format IN ('greenhouse', 'indeed')),
    locale VARCHAR(16) NOT NULL,
    every_hours INTEGER NOT NULL,
    publish BOOLEAN NOT NULL,
    enabled BOOLEAN NOT NULL,
    next_run_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE CASCADE
);
CREATE TABLE feed_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    source_id BIGINT NOT NULL,
    started_at TIMESTAMP NOT NULL,
    duration_ms INTEGER NOT NULL,
    ok BOOLEAN NOT NULL,
    postings INTEGER NOT NULL,
    created_count INTEGER NOT NULL,
    updated_count INTEGER NOT NULL,
    unchanged_count INTEGER NOT NULL,
    closed_count INTEGER NOT NULL,
    failed_count INTEGER NOT NULL,
    error TEXT,
    failures TEXT NOT NULL,
    FOREIGN KEY (source_id) REFERENCES feed_sources (id) ON DELETE CASCADE
);
CREATE INDEX feed_sources_company_id_idx ON feed_sources (company_id);
CREATE INDEX feed_sources_due_idx ON feed_sources (enabled, next_run_at);
CREATE INDEX feed_runs_source_idx ON feed_runs (source_id, id);
-- The back office's list counts its scopes again when a source changes (see 000015).
INSERT INTO change_counters (name) VALUES ('feed_sources');
CREATE TRIGGER feed_sources_ai_changes AFTER INSERT ON feed_sources BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'feed_sources'; END;
CREATE TRIGGER feed_sources_au_changes AFTER UPDATE ON feed_sources BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'feed_sources'; END;
CREATE TRIGGER feed_sources_ad_changes AFTER DELETE ON feed_sources BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'feed_sources'; END;
