DROP TABLE message_sources;
DROP TABLE message_overrides;
DELETE FROM change_counters WHERE name = 'messages';
