-- The back office's second factor: a TOTP secret per user (base32), the time step of the last
-- code accepted (each code counts once), and single-use recovery codes kept as hashes. Keep in
-- step with migrations/postgres and schema.rs.
ALTER TABLE admin_users ADD COLUMN totp_secret TEXT;
ALTER TABLE admin_users ADD COLUMN totp_last_step BIGINT;
ALTER TABLE admin_users ADD COLUMN totp_enabled_at TIMESTAMP;

CREATE TABLE admin_recovery_codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    admin_user_id BIGINT NOT NULL REFERENCES admin_users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX admin_recovery_codes_user ON admin_recovery_codes (admin_user_id);
