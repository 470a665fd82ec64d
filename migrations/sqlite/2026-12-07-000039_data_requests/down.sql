DROP TRIGGER data_requests_ad_changes;
DROP TRIGGER data_requests_au_changes;
DROP TRIGGER data_requests_ai_changes;
DELETE FROM change_counters WHERE name = 'data_requests';
DROP TABLE data_requests;
