-- Which postings each change touched: one row per posting with the search version of its last
-- change, so that an app instance whose index is at version V takes in the postings changed
-- after V (`version > V`) instead of reading every posting again. A write that changes many
-- postings' index entries at once (a company's slug, a deleted skill) moves `full_version`
-- instead, and the index is rebuilt. Keep in step with the other backends' migrations.
--
-- Versions follow the order of the commits: a writer holds search_state's row from its bump to
-- its commit. Each note FOLLOWS its table's bump, so it records the version after it. Cascaded
-- deletes fire no trigger here: a deleted posting's own trigger notes it, and a deleted skill
-- moves full_version.
ALTER TABLE search_state ADD COLUMN full_version BIGINT NOT NULL DEFAULT 1;

CREATE TABLE search_changes (
    job_id BIGINT NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    INDEX search_changes_version_idx (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER jobs_ai_search_changes AFTER INSERT ON jobs FOR EACH ROW FOLLOWS jobs_ai_search_state
    INSERT INTO search_changes (job_id, version) SELECT NEW.id, version FROM search_state WHERE id = 1
    ON DUPLICATE KEY UPDATE version = VALUES(version);
CREATE TRIGGER jobs_au_search_changes AFTER UPDATE ON jobs FOR EACH ROW FOLLOWS jobs_au_search_state
    INSERT INTO search_changes (job_id, version) SELECT NEW.id, version FROM search_state WHERE id = 1
    ON DUPLICATE KEY UPDATE version = VALUES(version);
CREATE TRIGGER jobs_ad_search_changes AFTER DELETE ON jobs FOR EACH ROW FOLLOWS jobs_ad_search_state
    INSERT INTO search_changes (job_id, version) SELECT OLD.id, version FROM search_state WHERE id = 1
    ON DUPLICATE KEY UPDATE version = VALUES(version);
CREATE TRIGGER job_skills_ai_search_changes AFTER INSERT ON job_skills FOR EACH ROW FOLLOWS job_skills_ai_search_state
    INSERT INTO search_changes (job_id, version) SELECT NEW.job_id, version FROM search_state WHERE id = 1
    ON DUPLICATE KEY UPDATE version = VALUES(version);
CREATE TRIGGER job_skills_ad_search_changes AFTER DELETE ON job_skills FOR EACH ROW FOLLOWS job_skills_ad_search_state
    INSERT INTO search_changes (job_id, version) SELECT OLD.job_id, version FROM search_state WHERE id = 1
    ON DUPLICATE KEY UPDATE version = VALUES(version);
CREATE TRIGGER job_translations_ai_search_changes AFTER INSERT ON job_translations FOR EACH ROW FOLLOWS job_translations_ai_search_state
    INSERT INTO search_changes (job_id, version) SELECT NEW.job_id, version FROM search_state WHERE id = 1
    ON DUPLICATE KEY UPDATE version = VALUES(version);
CREATE TRIGGER job_translations_au_search_changes AFTER UPDATE ON job_translations FOR EACH ROW FOLLOWS job_translations_au_search_state
    INSERT INTO search_changes (job_id, version) SELECT NEW.job_id, version FROM search_state WHERE id = 1
    ON DUPLICATE KEY UPDATE version = VALUES(version);
CREATE TRIGGER job_translations_ad_search_changes AFTER DELETE ON job_translations FOR EACH ROW FOLLOWS job_translations_ad_search_state
    INSERT INTO search_changes (job_id, version) SELECT OLD.job_id, version FROM search_state WHERE id = 1
    ON DUPLICATE KEY UPDATE version = VALUES(version);

CREATE TRIGGER companies_au_search_full AFTER UPDATE ON companies FOR EACH ROW
    UPDATE search_state SET full_version = full_version + 1 WHERE NOT (OLD.slug <=> NEW.slug);
CREATE TRIGGER skills_bd_search_full BEFORE DELETE ON skills FOR EACH ROW
    UPDATE search_state SET version = version + 1, full_version = full_version + 1;
