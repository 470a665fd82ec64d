DROP TRIGGER data_requests_changes ON data_requests;
DROP SEQUENCE data_requests_changes;
DROP TABLE data_requests;
