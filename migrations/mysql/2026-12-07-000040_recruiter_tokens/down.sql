ALTER TABLE api_tokens DROP FOREIGN KEY api_tokens_created_by_fkey, DROP COLUMN created_by;
ALTER TABLE api_tokens DROP COLUMN moderated;
