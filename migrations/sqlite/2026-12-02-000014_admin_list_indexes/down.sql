DROP INDEX jobs_admin_list_idx;
CREATE INDEX jobs_admin_list_idx ON jobs
    (updated_at, status, workplace, company_id, published_at, city, title, salary_min, salary_max);
CREATE INDEX jobs_company_id_idx ON jobs (company_id);
DROP INDEX jobs_company_status_idx;
DROP TRIGGER companies_name_to_jobs;
DROP TRIGGER jobs_company_name_on_move;
DROP TRIGGER jobs_company_name_on_insert;
DROP INDEX jobs_company_name_idx;
ALTER TABLE jobs DROP COLUMN company_name;
DROP INDEX jobs_updated_at_idx;
DROP INDEX jobs_published_at_idx;
DROP INDEX jobs_city_idx;
DROP INDEX jobs_status_idx;
DROP INDEX jobs_title_idx;
