DROP TRIGGER feed_sources_changes ON feed_sources;
DROP SEQUENCE feed_sources_changes;
DROP TABLE feed_runs;
DROP TABLE feed_sources;
