-- The back-office postings list sorts by each declared column through an index, never by
-- reading and sorting the wide posting rows; the id breaks ties in the same direction.
CREATE INDEX jobs_title_idx ON jobs (title, id);
CREATE INDEX jobs_status_idx ON jobs (status, id);
CREATE INDEX jobs_city_idx ON jobs (city, id);
CREATE INDEX jobs_published_at_idx ON jobs (published_at, id);
CREATE INDEX jobs_updated_at_idx ON jobs (updated_at, id);

-- The company's name, kept on each posting by triggers, so that sorting postings by company
-- is an index walk instead of a lookup per posting.
ALTER TABLE jobs ADD COLUMN company_name TEXT NOT NULL DEFAULT '';
UPDATE jobs SET company_name = companies.name FROM companies WHERE companies.id = jobs.company_id;
CREATE INDEX jobs_company_name_idx ON jobs (company_name, id);

CREATE FUNCTION jobs_company_name() RETURNS trigger AS $$
BEGIN
    NEW.company_name := (SELECT name FROM companies WHERE id = NEW.company_id);
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER jobs_company_name BEFORE INSERT OR UPDATE OF company_id ON jobs
    FOR EACH ROW EXECUTE FUNCTION jobs_company_name();

CREATE FUNCTION companies_name_to_jobs() RETURNS trigger AS $$
BEGIN
    UPDATE jobs SET company_name = NEW.name WHERE company_id = NEW.id;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER companies_name_to_jobs AFTER UPDATE OF name ON companies
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION companies_name_to_jobs();

-- The companies' "hiring" scope asks, per company, whether one of its postings is published.
CREATE INDEX jobs_company_status_idx ON jobs (company_id, status);
DROP INDEX jobs_company_id_idx;
