-- PostgreSQL only (trigram indexes for "contains" filters): SQLite's planner has no use for an
-- index on a LIKE with a leading wildcard. The migration exists so that both backends have the
-- same list.
SELECT 1;
