-- PostgreSQL only (its search version moved once per statement, and each update of the one row
-- left a new version of it that the next update had to scan past: quadratic in bulk writes).
-- InnoDB updates the row in place (the old values go to the undo log), like SQLite, so a bulk
-- write stays linear and the per-row triggers stay as they are. (MySQL also has no cheap
-- current transaction id to compare against, as txid_current() on PostgreSQL.)
-- The migration exists so that every backend has the same list.
SELECT 1;
