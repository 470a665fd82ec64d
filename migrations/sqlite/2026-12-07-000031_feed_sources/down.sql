DROP TRIGGER feed_sources_ad_changes;
DROP TRIGGER feed_sources_au_changes;
DROP TRIGGER feed_sources_ai_changes;
DELETE FROM change_counters WHERE name = 'feed_sources';
DROP TABLE feed_runs;
DROP TABLE feed_sources;
