DROP TRIGGER skills_search_full ON skills;
DROP TRIGGER companies_search_full ON companies;
DROP FUNCTION bump_search_full();
DROP TRIGGER job_translations_search_changes ON job_translations;
DROP TRIGGER job_skills_search_changes ON job_skills;
DROP TRIGGER jobs_search_changes ON jobs;
DROP FUNCTION note_search_change();
DROP TABLE search_changes;
ALTER TABLE search_state DROP COLUMN full_version;
