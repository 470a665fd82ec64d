-- The extension stays: other schemas of the database may use it.
DROP INDEX applications_email_trgm_idx;
DROP INDEX applications_name_trgm_idx;
DROP INDEX jobs_title_trgm_idx;
