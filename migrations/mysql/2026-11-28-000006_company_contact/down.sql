ALTER TABLE companies DROP COLUMN contact_email;
