DROP TABLE message_sources;
DROP TABLE message_overrides;
DELETE FROM change_events WHERE name = 'messages';
