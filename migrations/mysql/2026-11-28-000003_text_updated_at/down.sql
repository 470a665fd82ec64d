ALTER TABLE companies DROP COLUMN text_updated_at;
ALTER TABLE jobs DROP COLUMN text_updated_at;
