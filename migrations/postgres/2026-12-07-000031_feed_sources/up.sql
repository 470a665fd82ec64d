-- Partners' job feeds (an applicant-tracking system's Greenhouse job-board JSON or Indeed-style
-- XML) that the board fetches on a schedule for one company: postings are created and updated
-- by the feed's own ids (import_refs, source "feed:{id}"), in the language the source names,
-- and closed when they leave the feed.
-- Each fetch is logged in feed_runs (counts, duration, the error as a message id and its
-- arguments in JSON, the first refused postings with their reasons in JSON). Keep in step
-- with the other backends' migrations and schema.rs.
CREATE TABLE feed_sources (
    id BIGSERIAL PRIMARY KEY,
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
    id BIGSERIAL PRIMARY KEY,
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
CREATE SEQUENCE feed_sources_changes;
CREATE TRIGGER feed_sources_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON feed_sources
    FOR EACH STATEMENT EXECUTE FUNCTION count_change('feed_sources_changes');
