DROP INDEX jobs_expiry_idx;
