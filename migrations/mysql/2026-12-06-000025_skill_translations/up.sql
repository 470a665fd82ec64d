-- Skills' names in the board's other languages ("English (C1)" / "Englisch (C1)" /
-- "Англійська (C1)"), with the postings' missing / out-of-date markers: `name` is in
-- `original_locale`. Facets, cards and JSON-LD show the page's language, so a change bumps the
-- search's version; the back office's list counts them as changes to skills. Keep in step with
-- the other backends' migrations and schema.rs.
ALTER TABLE skills ADD COLUMN original_locale VARCHAR(16) NOT NULL DEFAULT 'en'
    CHECK (original_locale IN ('en', 'de', 'uk')),
    ADD COLUMN text_updated_at DATETIME(6);

CREATE TABLE skill_translations (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    skill_id BIGINT NOT NULL,
    locale VARCHAR(16) NOT NULL CHECK (locale IN ('en', 'de', 'uk')),
    name VARCHAR(255) NOT NULL,
    source_updated_at DATETIME(6) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    -- Also the index of the foreign key (skill_id comes first).
    CONSTRAINT skill_translations_skill_id_locale_key UNIQUE (skill_id, locale),
    CONSTRAINT skill_translations_skill_id_fkey FOREIGN KEY (skill_id)
        REFERENCES skills (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER skill_translations_ai_search_state AFTER INSERT ON skill_translations FOR EACH ROW UPDATE search_state SET version = version + 1;
CREATE TRIGGER skill_translations_au_search_state AFTER UPDATE ON skill_translations FOR EACH ROW UPDATE search_state SET version = version + 1;
CREATE TRIGGER skill_translations_ad_search_state AFTER DELETE ON skill_translations FOR EACH ROW UPDATE search_state SET version = version + 1;
CREATE TRIGGER skill_translations_ai_changes AFTER INSERT ON skill_translations FOR EACH ROW INSERT INTO change_events (name) VALUES ('skills');
CREATE TRIGGER skill_translations_au_changes AFTER UPDATE ON skill_translations FOR EACH ROW INSERT INTO change_events (name) VALUES ('skills');
CREATE TRIGGER skill_translations_ad_changes AFTER DELETE ON skill_translations FOR EACH ROW INSERT INTO change_events (name) VALUES ('skills');
