-- The translators' workspace (/admin/translations): messages edited in the browser, stored as
-- overrides of the shipped locales/<lang>/*.ftl files (`source` is what follows `id = `), and
-- for each translated message the hash of the English text it was made from, so that a change
-- to English marks it out of date (one JSON object per language, {id: [english, translation]}:
-- every app start records the shipped files' in one statement, not one per message). `locale`
-- has no CHECK: languages are configuration. Every app instance polls the `messages` change
-- counter and reloads its bundles. Keep in step with the other backends' migrations and
-- schema.rs.
CREATE TABLE message_overrides (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    locale VARCHAR(35) NOT NULL,
    message_id VARCHAR(191) NOT NULL,
    source TEXT NOT NULL,
    admin_user_id BIGINT,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    CONSTRAINT message_overrides_locale_message_id_key UNIQUE (locale, message_id),
    CONSTRAINT message_overrides_admin_user_id_fkey FOREIGN KEY (admin_user_id)
        REFERENCES admin_users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE message_sources (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    locale VARCHAR(35) NOT NULL,
    hashes MEDIUMTEXT NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    CONSTRAINT message_sources_locale_key UNIQUE (locale)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TRIGGER message_overrides_ai_changes AFTER INSERT ON message_overrides FOR EACH ROW INSERT INTO change_events (name) VALUES ('messages');
CREATE TRIGGER message_overrides_au_changes AFTER UPDATE ON message_overrides FOR EACH ROW INSERT INTO change_events (name) VALUES ('messages');
CREATE TRIGGER message_overrides_ad_changes AFTER DELETE ON message_overrides FOR EACH ROW INSERT INTO change_events (name) VALUES ('messages');
