-- PostgreSQL only (pg_trgm trigram GIN indexes for "contains" filters, lower(column) LIKE
-- '%text%'). MySQL and MariaDB have no trigram index (an InnoDB FULLTEXT index matches words,
-- not substrings), and a B-tree index cannot serve a LIKE with a leading wildcard, so there is
-- nothing to create. The migration exists so that every backend has the same list.
SELECT 1;
