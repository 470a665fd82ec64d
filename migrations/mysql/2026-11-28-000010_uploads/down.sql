ALTER TABLE companies DROP COLUMN logo_versions;
ALTER TABLE companies DROP COLUMN logo_key;
ALTER TABLE applications DROP COLUMN cv_size;
ALTER TABLE applications DROP COLUMN cv_type;
ALTER TABLE applications DROP COLUMN cv_name;
ALTER TABLE applications DROP COLUMN cv_key;
