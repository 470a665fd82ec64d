-- Skills' names in the board's other languages ("English (C1)" / "Englisch (C1)" /
-- "Англійська (C1)"), with the postings' missing / out-of-date markers: `name` is in
-- `original_locale`. Facets, cards and JSON-LD show the page's language, so a change bumps the
-- search's version; the back office's list counts them as changes to skills. Keep in step with
-- the other backends' migrations and schema.rs.
ALTER TABLE skills ADD COLUMN original_locale TEXT NOT NULL DEFAULT 'en'
    CHECK (original_locale IN ('en', 'de', 'uk'));
ALTER TABLE skills ADD COLUMN text_updated_at TIMESTAMP;

CREATE TABLE skill_translations (
    id BIGSERIAL PRIMARY KEY,
    skill_id BIGINT NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    locale TEXT NOT NULL CHECK (locale IN ('en', 'de', 'uk')),
    name TEXT NOT NULL,
    source_updated_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (skill_id, locale)
);

CREATE TRIGGER skill_translations_search_state AFTER INSERT OR UPDATE OR DELETE ON skill_translations
    FOR EACH STATEMENT EXECUTE FUNCTION bump_search_state();
CREATE TRIGGER skill_translations_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON skill_translations
    FOR EACH STATEMENT EXECUTE FUNCTION count_change('skills_changes');
