-- The expiry task's question, every few minutes: which published postings are past their
-- closing date. Without this index it read every published posting's row (the rows hold the
-- long texts): 4 s at 100,000 postings on SQLite, stalling the pages served meanwhile.
CREATE INDEX jobs_expiry_idx ON jobs (status, valid_through);
