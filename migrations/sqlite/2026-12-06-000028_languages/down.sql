-- The language constraints are not put back (they only ever refused languages); the
-- full-text rows go back to four per posting, dropping those of languages past the third.
CREATE TEMP TABLE job_search_move AS SELECT rowid AS r, title, body FROM job_search;
DELETE FROM job_search;
INSERT INTO job_search (rowid, title, body)
    SELECT (r / 32) * 4 + r % 32, title, body FROM job_search_move WHERE r % 32 < 4;
DROP TABLE job_search_move;
