-- Languages are configuration (LOCALES), not schema: the CHECK constraints that allowed only
-- en, de and uk go. SQLite cannot drop a constraint; its documented procedure for removing a
-- CHECK (https://sqlite.org/lang_altertable.html, "making other kinds of table schema
-- changes") edits the stored CREATE TABLE text, which changes nothing on disk. The table created
-- and dropped after it moves the schema version, so every connection reads the schema again.
-- Keep in step with the other backends' migrations.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(replace(sql,
    'CHECK (original_locale IN (''en'', ''de'', ''uk''))', ''),
    'CHECK (locale IN (''en'', ''de'', ''uk''))', '')
WHERE type = 'table'
  AND name IN ('companies', 'company_translations', 'jobs', 'job_translations', 'applications',
               'admin_users', 'places', 'place_translations', 'skills', 'skill_translations');
PRAGMA writable_schema = OFF;
CREATE TABLE languages_schema_bump (x INTEGER);
DROP TABLE languages_schema_bump;
-- …and this connection reads it again too (SQLite 3.34 and later).
PRAGMA writable_schema = RESET;

-- A posting's full-text rows sat at job_id * 4 + its language; now at job_id * 32 + the
-- language's handle (src/db/dialect.rs, FTS_STRIDE), room for 32 languages.
CREATE TEMP TABLE job_search_move AS SELECT rowid AS r, title, body FROM job_search;
DELETE FROM job_search;
INSERT INTO job_search (rowid, title, body)
    SELECT (r / 4) * 32 + r % 4, title, body FROM job_search_move;
DROP TABLE job_search_move;
