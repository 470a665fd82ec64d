-- Where new applications to a company's postings are announced by mail. Keep in step with
-- the other backends' migrations and schema.rs.
ALTER TABLE companies ADD COLUMN contact_email VARCHAR(320);
