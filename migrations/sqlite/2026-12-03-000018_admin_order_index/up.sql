-- The postings list's default order (newest change first, the id breaking ties) with every
-- column its filters test: a filtered page walks this index and reads only the rows it shows.
-- Walking the order by rows instead read a posting's long texts to reach its later columns
-- (workplace, salary), 5-6 ms for "published, remote, title contains" at 100,000 postings
-- against 0.5 ms here. The scope counts scan it too, as they scanned the index it replaces.
CREATE INDEX jobs_admin_order_idx ON jobs
    (updated_at, id, status, workplace, company_id, published_at, city, title, salary_min, salary_max);
DROP INDEX jobs_admin_list_idx;
DROP INDEX jobs_updated_at_idx;
