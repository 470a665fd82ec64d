-- Employers sign up from the public site (src/web/employers.rs): their recruiter account
-- cannot sign in until the address is confirmed by the mailed link. Every other account was
-- made by staff (or the command line) for a known address. Keep in step with the other
-- backends' migrations.
ALTER TABLE admin_users ADD COLUMN email_unverified BOOLEAN NOT NULL DEFAULT 0;
