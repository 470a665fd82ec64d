-- Uploaded files: an applicant's CV and a company's logo. The files live in the storage
-- (STORAGE_URL) under generated keys; these columns say which, and keep the client's file
-- name (sanitized) only as metadata. Keep in step with the other backend and schema.rs.
ALTER TABLE applications ADD COLUMN cv_key TEXT;
ALTER TABLE applications ADD COLUMN cv_name TEXT;
ALTER TABLE applications ADD COLUMN cv_type TEXT;
ALTER TABLE applications ADD COLUMN cv_size BIGINT;
ALTER TABLE companies ADD COLUMN logo_key TEXT;
-- Whether the thumb and medium versions exist (made by a task after the upload).
ALTER TABLE companies ADD COLUMN logo_versions BOOLEAN NOT NULL DEFAULT FALSE;
