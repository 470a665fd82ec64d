DROP TABLE message_sources;
DROP TABLE message_overrides;
DROP SEQUENCE messages_changes;
