-- The register of applicants' access and erasure requests (GDPR Art. 15, 17, 20; src/privacy/):
-- what was asked, by whom (the applicant, the retention purge, staff) and when, under a keyed
-- hash of the address instead of the address, so the register outlives the data it records.
-- `application_id` is where an access request came from (no foreign key: it may be erased
-- later, and its row here must stay). Keep in step with the other backends' migrations.
CREATE TABLE data_requests (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind VARCHAR(16) NOT NULL,
    origin VARCHAR(16) NOT NULL,
    subject VARCHAR(64) NOT NULL,
    application_count INTEGER NOT NULL,
    application_id BIGINT,
    locale VARCHAR(16) NOT NULL,
    requested_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6),
    downloaded_at DATETIME(6),
    KEY data_requests_requested_at (requested_at),
    KEY data_requests_subject (subject)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- The back office's list counts its scopes again when the register changes (see 000015).
CREATE TRIGGER data_requests_ai_changes AFTER INSERT ON data_requests FOR EACH ROW INSERT INTO change_events (name) VALUES ('data_requests');
CREATE TRIGGER data_requests_au_changes AFTER UPDATE ON data_requests FOR EACH ROW INSERT INTO change_events (name) VALUES ('data_requests');
CREATE TRIGGER data_requests_ad_changes AFTER DELETE ON data_requests FOR EACH ROW INSERT INTO change_events (name) VALUES ('data_requests');
