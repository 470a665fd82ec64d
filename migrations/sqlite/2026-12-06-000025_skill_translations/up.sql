-- Skills' names in the board's other languages ("English (C1)" / "Englisch (C1)" /
-- "Англійська (C1)"), with the postings' missing / out-of-date markers: `name` is in
-- `original_locale`. Facets, cards and JSON-LD show the page's language, so a change bumps the
-- search's version; the back office's list counts them as changes to skills. Keep in step with
-- the other backends' migrations and schema.rs.
ALTER TABLE skills ADD COLUMN original_locale TEXT NOT NULL DEFAULT 'en'
    CHECK (original_locale IN ('en', 'de', 'uk'));
ALTER TABLE skills ADD COLUMN text_updated_at TIMESTAMP;

CREATE TABLE skill_translations (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    skill_id BIGINT NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    locale TEXT NOT NULL CHECK (locale IN ('en', 'de', 'uk')),
    name TEXT NOT NULL,
    source_updated_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (skill_id, locale)
);

CREATE TRIGGER skill_translations_ai_search_state AFTER INSERT ON skill_translations BEGIN UPDATE search_state SET version = version + 1; END;
CREATE TRIGGER skill_translations_au_search_state AFTER UPDATE ON skill_translations BEGIN UPDATE search_state SET version = version + 1; END;
CREATE TRIGGER skill_translations_ad_search_state AFTER DELETE ON skill_translations BEGIN UPDATE search_state SET version = version + 1; END;
CREATE TRIGGER skill_translations_ai_changes AFTER INSERT ON skill_translations BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'skills'; END;
CREATE TRIGGER skill_translations_au_changes AFTER UPDATE ON skill_translations BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'skills'; END;
CREATE TRIGGER skill_translations_ad_changes AFTER DELETE ON skill_translations BEGIN UPDATE change_counters SET version = version + 1 WHERE name = 'skills'; END;
