DROP TRIGGER companies_bd_feed_changes;
DROP TABLE feed_runs;
DROP TABLE feed_sources;
