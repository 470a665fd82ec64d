-- The translators' workspace (/admin/translations): messages edited in the browser, stored as
-- overrides of the shipped locales/<lang>/*.ftl files (`source` is what follows `id = `), and
-- for each translated message the hash of the English text it was made from, so that a change
-- to English marks it out of date (one JSON object per language, {id: [english, translation]}:
-- every app start records the shipped files' in one statement, not one per message). `locale`
-- has no CHECK: languages are configuration. Every app instance polls the `messages` change
-- counter and reloads its bundles. Keep in step with the other backends' migrations and
-- schema.rs.
CREATE TABLE message_overrides (
    id BIGSERIAL PRIMARY KEY,
    locale TEXT NOT NULL,
    message_id TEXT NOT NULL,
    source TEXT NOT NULL,
    admin_user_id BIGINT REFERENCES admin_users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (locale, message_id)
);
CREATE INDEX message_overrides_admin_user_id_idx ON message_overrides (admin_user_id);

CREATE TABLE message_sources (
    id BIGSERIAL PRIMARY KEY,
    locale TEXT NOT NULL UNIQUE,
    hashes TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE SEQUENCE messages_changes;
CREATE TRIGGER message_overrides_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON message_overrides
    FOR EACH STATEMENT EXECUTE FUNCTION count_change('messages_changes');
