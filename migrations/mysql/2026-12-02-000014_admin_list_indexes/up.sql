-- The back-office postings list sorts by each declared column through an index, never by
-- reading and sorting the wide posting rows. The id breaks ties in the same direction (InnoDB
-- appends the primary key to every secondary index anyway, it is named here as on PostgreSQL).
CREATE INDEX jobs_title_idx ON jobs (title, id);
CREATE INDEX jobs_status_idx ON jobs (status, id);
CREATE INDEX jobs_city_idx ON jobs (city, id);
CREATE INDEX jobs_published_at_idx ON jobs (published_at, id);
CREATE INDEX jobs_updated_at_idx ON jobs (updated_at, id);

-- The company's name, kept on each posting by triggers, so that sorting postings by company
-- is an index walk instead of a lookup per posting.
ALTER TABLE jobs ADD COLUMN company_name VARCHAR(255) NOT NULL DEFAULT '';
UPDATE jobs JOIN companies ON companies.id = jobs.company_id SET jobs.company_name = companies.name;
CREATE INDEX jobs_company_name_idx ON jobs (company_name, id);

-- MySQL: a trigger cannot update the table it fires on, but a BEFORE trigger may set NEW (as
-- the PostgreSQL function does). There are no column lists (UPDATE OF company_id) nor WHEN
-- clauses, so the conditions are in the single statement of each trigger. COALESCE: a missing
-- company is reported by the foreign key rather than as a NULL name. The names compare as
-- bytes: under utf8mb4_unicode_ci 'acme' = 'Acme', and a change of case is a rename too.
CREATE TRIGGER jobs_company_name_on_insert BEFORE INSERT ON jobs FOR EACH ROW SET NEW.company_name = COALESCE((SELECT companies.name FROM companies WHERE companies.id = NEW.company_id), '');
CREATE TRIGGER jobs_company_name_on_move BEFORE UPDATE ON jobs FOR EACH ROW SET NEW.company_name = IF(NEW.company_id <=> OLD.company_id, NEW.company_name, COALESCE((SELECT companies.name FROM companies WHERE companies.id = NEW.company_id), ''));
CREATE TRIGGER companies_name_to_jobs AFTER UPDATE ON companies FOR EACH ROW UPDATE jobs SET company_name = NEW.name WHERE company_id = NEW.id AND NOT (CAST(OLD.name AS BINARY) <=> CAST(NEW.name AS BINARY));

-- The companies' "hiring" scope asks, per company, whether one of its postings is published.
-- It also serves the foreign key on company_id, so the single-column index can go.
CREATE INDEX jobs_company_status_idx ON jobs (company_id, status);
DROP INDEX jobs_company_id_idx ON jobs;
