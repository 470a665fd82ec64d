-- Uploaded files: an applicant's CV and a company's logo. The files live in the storage
-- (STORAGE_URL) under generated keys. These columns say which, and keep the client's file
-- name (sanitized, at most 120 characters) only as metadata. Keep in step with the other
-- backends and schema.rs.
ALTER TABLE applications ADD COLUMN cv_key VARCHAR(255);
ALTER TABLE applications ADD COLUMN cv_name VARCHAR(255);
ALTER TABLE applications ADD COLUMN cv_type VARCHAR(255);
ALTER TABLE applications ADD COLUMN cv_size BIGINT;
ALTER TABLE companies ADD COLUMN logo_key VARCHAR(255);
-- Whether the thumb and medium versions exist (made by a task after the upload).
ALTER TABLE companies ADD COLUMN logo_versions BOOLEAN NOT NULL DEFAULT FALSE;
