-- Which postings each change touched: one row per posting with the search version of its last
-- change, so that an app instance whose index is at version V takes in the postings changed
-- after V (`version > V`) instead of reading every posting again. A write that changes many
-- postings' index entries at once (a company's slug, a deleted skill) moves `full_version`
-- instead, and the index is rebuilt. Keep in step with the other backends' migrations.
ALTER TABLE search_state ADD COLUMN full_version BIGINT NOT NULL DEFAULT 1;

CREATE TABLE search_changes (
    job_id INTEGER PRIMARY KEY NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX search_changes_version_idx ON search_changes (version);

-- SQLite has one writer at a time, so versions follow the order of the commits. The bump and
-- the note are one trigger: the order of two triggers on the same event is not defined. The
-- note is an UPDATE then an INSERT rather than an upsert, which a trigger's outer statement
-- could turn into INSERT OR IGNORE.
DROP TRIGGER jobs_ai_search_state;
DROP TRIGGER jobs_au_search_state;
DROP TRIGGER jobs_ad_search_state;
DROP TRIGGER job_skills_ai_search_state;
DROP TRIGGER job_skills_ad_search_state;
DROP TRIGGER job_translations_ai_search_state;
DROP TRIGGER job_translations_au_search_state;
DROP TRIGGER job_translations_ad_search_state;

CREATE TRIGGER jobs_ai_search_state AFTER INSERT ON jobs BEGIN
    UPDATE search_state SET version = version + 1;
    UPDATE search_changes SET version = (SELECT version FROM search_state) WHERE job_id = NEW.id;
    INSERT INTO search_changes (job_id, version) SELECT NEW.id, version FROM search_state
        WHERE NOT EXISTS (SELECT 1 FROM search_changes WHERE job_id = NEW.id);
END;
CREATE TRIGGER jobs_au_search_state AFTER UPDATE ON jobs BEGIN
    UPDATE search_state SET version = version + 1;
    UPDATE search_changes SET version = (SELECT version FROM search_state) WHERE job_id = NEW.id;
    INSERT INTO search_changes (job_id, version) SELECT NEW.id, version FROM search_state
        WHERE NOT EXISTS (SELECT 1 FROM search_changes WHERE job_id = NEW.id);
END;
CREATE TRIGGER jobs_ad_search_state AFTER DELETE ON jobs BEGIN
    UPDATE search_state SET version = version + 1;
    UPDATE search_changes SET version = (SELECT version FROM search_state) WHERE job_id = OLD.id;
    INSERT INTO search_changes (job_id, version) SELECT OLD.id, version FROM search_state
        WHERE NOT EXISTS (SELECT 1 FROM search_changes WHERE job_id = OLD.id);
END;
CREATE TRIGGER job_skills_ai_search_state AFTER INSERT ON job_skills BEGIN
    UPDATE search_state SET version = version + 1;
    UPDATE search_changes SET version = (SELECT version FROM search_state) WHERE job_id = NEW.job_id;
    INSERT INTO search_changes (job_id, version) SELECT NEW.job_id, version FROM search_state
        WHERE NOT EXISTS (SELECT 1 FROM search_changes WHERE job_id = NEW.job_id);
END;
CREATE TRIGGER job_skills_ad_search_state AFTER DELETE ON job_skills BEGIN
    UPDATE search_state SET version = version + 1;
    UPDATE search_changes SET version = (SELECT version FROM search_state) WHERE job_id = OLD.job_id;
    INSERT INTO search_changes (job_id, version) SELECT OLD.job_id, version FROM search_state
        WHERE NOT EXISTS (SELECT 1 FROM search_changes WHERE job_id = OLD.job_id);
END;
CREATE TRIGGER job_translations_ai_search_state AFTER INSERT ON job_translations BEGIN
    UPDATE search_state SET version = version + 1;
    UPDATE search_changes SET version = (SELECT version FROM search_state) WHERE job_id = NEW.job_id;
    INSERT INTO search_changes (job_id, version) SELECT NEW.job_id, version FROM search_state
        WHERE NOT EXISTS (SELECT 1 FROM search_changes WHERE job_id = NEW.job_id);
END;
CREATE TRIGGER job_translations_au_search_state AFTER UPDATE ON job_translations BEGIN
    UPDATE search_state SET version = version + 1;
    UPDATE search_changes SET version = (SELECT version FROM search_state) WHERE job_id = NEW.job_id;
    INSERT INTO search_changes (job_id, version) SELECT NEW.job_id, version FROM search_state
        WHERE NOT EXISTS (SELECT 1 FROM search_changes WHERE job_id = NEW.job_id);
END;
CREATE TRIGGER job_translations_ad_search_state AFTER DELETE ON job_translations BEGIN
    UPDATE search_state SET version = version + 1;
    UPDATE search_changes SET version = (SELECT version FROM search_state) WHERE job_id = OLD.job_id;
    INSERT INTO search_changes (job_id, version) SELECT OLD.job_id, version FROM search_state
        WHERE NOT EXISTS (SELECT 1 FROM search_changes WHERE job_id = OLD.job_id);
END;

CREATE TRIGGER companies_au_search_full AFTER UPDATE OF slug ON companies
    WHEN OLD.slug IS NOT NEW.slug
BEGIN
    UPDATE search_state SET version = version + 1, full_version = full_version + 1;
END;
CREATE TRIGGER skills_ad_search_full AFTER DELETE ON skills BEGIN
    UPDATE search_state SET version = version + 1, full_version = full_version + 1;
END;
