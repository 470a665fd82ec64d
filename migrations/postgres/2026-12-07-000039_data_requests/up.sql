-- The register of applicants' access and erasure requests (GDPR Art. 15, 17, 20; src/privacy/):
-- what was asked, by whom (the applicant, the retention purge, staff) and when, under a keyed
-- hash of the address instead of the address, so the register outlives the data it records.
-- `application_id` is where an access request came from (no foreign key: it may be erased
-- later, and its row here must stay). Keep in step with the other backends' migrations.
CREATE TABLE data_requests (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    origin TEXT NOT NULL,
    subject TEXT NOT NULL,
    application_count INTEGER NOT NULL,
    application_id BIGINT,
    locale TEXT NOT NULL,
    requested_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP,
    downloaded_at TIMESTAMP
);
CREATE INDEX data_requests_requested_at ON data_requests (requested_at);
CREATE INDEX data_requests_subject ON data_requests (subject);
-- The back office's list counts its scopes again when the register changes (see 000015).
CREATE SEQUENCE data_requests_changes;
CREATE TRIGGER data_requests_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON data_requests
    FOR EACH STATEMENT EXECUTE FUNCTION count_change('data_requests_changes');
