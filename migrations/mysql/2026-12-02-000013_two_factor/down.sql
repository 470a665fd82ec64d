DROP TABLE admin_recovery_codes;
ALTER TABLE admin_users DROP COLUMN totp_enabled_at;
ALTER TABLE admin_users DROP COLUMN totp_last_step;
ALTER TABLE admin_users DROP COLUMN totp_secret;
