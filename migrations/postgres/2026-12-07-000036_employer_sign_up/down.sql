ALTER TABLE admin_users DROP COLUMN email_unverified;
