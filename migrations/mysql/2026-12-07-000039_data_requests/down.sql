DROP TRIGGER data_requests_ad_changes;
DROP TRIGGER data_requests_au_changes;
DROP TRIGGER data_requests_ai_changes;
DROP TABLE data_requests;
