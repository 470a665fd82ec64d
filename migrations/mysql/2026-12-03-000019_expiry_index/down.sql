DROP INDEX jobs_expiry_idx ON jobs;
