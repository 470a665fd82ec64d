-- SQLite only: PostgreSQL keeps long texts out of line (TOAST), so its rows stay narrow.
SELECT 1;
