-- The back-office postings list sorts by each declared column through an index, never by
-- reading and sorting the wide posting rows. An index here is (column, rowid): it serves both
-- directions and the id that breaks ties.
CREATE INDEX jobs_title_idx ON jobs (title);
CREATE INDEX jobs_status_idx ON jobs (status);
CREATE INDEX jobs_city_idx ON jobs (city);
CREATE INDEX jobs_published_at_idx ON jobs (published_at);
-- The default order: the wide jobs_admin_list_idx starts with updated_at but cannot give the
-- id's order within a time, which deep pages then sort for.
CREATE INDEX jobs_updated_at_idx ON jobs (updated_at);

-- The company's name, kept on each posting by triggers, so that sorting postings by company
-- is an index walk instead of a lookup per posting.
ALTER TABLE jobs ADD COLUMN company_name TEXT NOT NULL DEFAULT '';
UPDATE jobs SET company_name = (SELECT name FROM companies WHERE companies.id = jobs.company_id);
CREATE INDEX jobs_company_name_idx ON jobs (company_name);
CREATE TRIGGER jobs_company_name_on_insert AFTER INSERT ON jobs BEGIN
    UPDATE jobs SET company_name = (SELECT name FROM companies WHERE id = NEW.company_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER jobs_company_name_on_move AFTER UPDATE OF company_id ON jobs BEGIN
    UPDATE jobs SET company_name = (SELECT name FROM companies WHERE id = NEW.company_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER companies_name_to_jobs AFTER UPDATE OF name ON companies BEGIN
    UPDATE jobs SET company_name = NEW.name WHERE company_id = NEW.id;
END;

-- The companies' "hiring" scope asks, per company, whether one of its postings is published.
CREATE INDEX jobs_company_status_idx ON jobs (company_id, status);
DROP INDEX jobs_company_id_idx;
