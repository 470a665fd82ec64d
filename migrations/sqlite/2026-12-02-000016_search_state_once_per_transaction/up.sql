-- PostgreSQL only (its search version moved once per statement: quadratic in bulk writes).
-- SQLite updates the row in place, so its triggers stay as they are; the migration exists so
-- that both backends have the same list.
SELECT 1;
