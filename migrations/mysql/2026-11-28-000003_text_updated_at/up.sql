-- When a record's original-language text last changed (not its status or other fields): a
-- translation whose `source_updated_at` is older is out of date. Keep in step with the other
-- backends' migrations and schema.rs.
ALTER TABLE jobs ADD COLUMN text_updated_at DATETIME(6);
UPDATE jobs SET text_updated_at = created_at;
ALTER TABLE companies ADD COLUMN text_updated_at DATETIME(6);
UPDATE companies SET text_updated_at = created_at;
