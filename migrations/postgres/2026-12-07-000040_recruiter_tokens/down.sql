DROP INDEX api_tokens_created_by;
ALTER TABLE api_tokens DROP COLUMN moderated;
ALTER TABLE api_tokens DROP COLUMN created_by;
