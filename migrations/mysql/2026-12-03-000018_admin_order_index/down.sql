CREATE INDEX jobs_updated_at_idx ON jobs (updated_at, id);
CREATE INDEX jobs_admin_list_idx ON jobs
    (updated_at, status, workplace, company_id, published_at, city, title, salary_min, salary_max);
DROP INDEX jobs_admin_order_idx ON jobs;
