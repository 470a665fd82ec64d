-- The back office's second factor: a TOTP secret per user (base32), the time step of the last
-- code accepted (each code counts once), and single-use recovery codes kept as hashes. Keep in
-- step with migrations/sqlite, migrations/postgres and schema.rs.
ALTER TABLE admin_users ADD COLUMN totp_secret VARCHAR(255);
ALTER TABLE admin_users ADD COLUMN totp_last_step BIGINT;
ALTER TABLE admin_users ADD COLUMN totp_enabled_at DATETIME(6);

CREATE TABLE admin_recovery_codes (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    admin_user_id BIGINT NOT NULL,
    code_hash VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
    used_at DATETIME(6),
    created_at DATETIME(6) NOT NULL,
    INDEX admin_recovery_codes_user (admin_user_id),
    CONSTRAINT admin_recovery_codes_admin_user_id_fkey FOREIGN KEY (admin_user_id)
        REFERENCES admin_users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
