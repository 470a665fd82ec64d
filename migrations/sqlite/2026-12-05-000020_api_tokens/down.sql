DROP TRIGGER api_tokens_ad_changes;
DROP TRIGGER api_tokens_au_changes;
DROP TRIGGER api_tokens_ai_changes;
DELETE FROM change_counters WHERE name = 'api_tokens';
DROP TABLE api_tokens;
