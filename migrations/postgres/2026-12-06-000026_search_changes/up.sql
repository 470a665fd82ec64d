-- Which postings each change touched: one row per posting with the search version of its last
-- change, so that an app instance whose index is at version V takes in the postings changed
-- after V (`version > V`) instead of reading every posting again. A write that changes many
-- postings' index entries at once (a company's slug, a deleted skill) moves `full_version`
-- instead, and the index is rebuilt. Keep in step with the other backends' migrations.
--
-- Versions follow the order of the commits: a writer holds search_state's row from its bump to
-- its commit, so the next one bumps past it only after that. Whatever an instance has not seen
-- yet therefore has a version above the one it read.
ALTER TABLE search_state ADD COLUMN full_version BIGINT NOT NULL DEFAULT 1;

CREATE TABLE search_changes (
    job_id BIGINT PRIMARY KEY,
    version BIGINT NOT NULL
);
CREATE INDEX search_changes_version_idx ON search_changes (version);

CREATE FUNCTION note_search_change() RETURNS trigger AS $$
DECLARE
    changed BIGINT;
BEGIN
    IF TG_TABLE_NAME = 'jobs' THEN
        IF TG_OP = 'DELETE' THEN changed := OLD.id; ELSE changed := NEW.id; END IF;
    ELSE
        IF TG_OP = 'DELETE' THEN changed := OLD.job_id; ELSE changed := NEW.job_id; END IF;
    END IF;
    -- The bump of the statement-level trigger, earlier: the note needs this transaction's version.
    UPDATE search_state SET version = version + 1, bumped_by = txid_current()
        WHERE bumped_by IS DISTINCT FROM txid_current();
    -- Writing the same version again (a posting's skills after the posting) would only leave a
    -- dead row version behind.
    INSERT INTO search_changes (job_id, version) SELECT changed, version FROM search_state
        ON CONFLICT (job_id) DO UPDATE SET version = EXCLUDED.version
        WHERE search_changes.version <> EXCLUDED.version;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER jobs_search_changes AFTER INSERT OR UPDATE OR DELETE ON jobs
    FOR EACH ROW EXECUTE FUNCTION note_search_change();
CREATE TRIGGER job_skills_search_changes AFTER INSERT OR DELETE ON job_skills
    FOR EACH ROW EXECUTE FUNCTION note_search_change();
CREATE TRIGGER job_translations_search_changes AFTER INSERT OR UPDATE OR DELETE ON job_translations
    FOR EACH ROW EXECUTE FUNCTION note_search_change();

CREATE FUNCTION bump_search_full() RETURNS trigger AS $$
BEGIN
    UPDATE search_state SET version = version + 1, full_version = full_version + 1,
        bumped_by = txid_current();
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER companies_search_full AFTER UPDATE OF slug ON companies
    FOR EACH ROW WHEN (OLD.slug IS DISTINCT FROM NEW.slug) EXECUTE FUNCTION bump_search_full();
CREATE TRIGGER skills_search_full AFTER DELETE ON skills
    FOR EACH STATEMENT EXECUTE FUNCTION bump_search_full();
