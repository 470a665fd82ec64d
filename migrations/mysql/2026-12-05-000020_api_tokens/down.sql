DROP TRIGGER companies_bd_token_changes;
DROP TABLE api_tokens;
