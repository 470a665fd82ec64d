DROP TABLE api_tokens;
DROP SEQUENCE api_tokens_changes;
