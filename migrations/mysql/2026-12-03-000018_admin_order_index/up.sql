-- As on SQLite (PostgreSQL keeps long texts out of line, TOAST, and skips this): InnoDB keeps a
-- posting's texts inside its row (DYNAMIC rows move a column off the page only when the row
-- outgrows about half a page), so walking the list's order by rows reads the long texts.
-- The postings list's default order (newest change first, the id breaking ties) with every
-- column its filters test: a filtered page walks this index and reads only the rows it shows.
-- The scope counts scan it too, as they scanned the index it replaces.
CREATE INDEX jobs_admin_order_idx ON jobs
    (updated_at, id, status, workplace, company_id, published_at, city, title, salary_min, salary_max);
DROP INDEX jobs_admin_list_idx ON jobs;
DROP INDEX jobs_updated_at_idx ON jobs;
