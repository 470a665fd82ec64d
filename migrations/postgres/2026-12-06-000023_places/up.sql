-- Places: cities with coordinates and a name in every language of the board, imported from
-- gazetteer data (`hireboard places import`) or entered in the back office. `name` is in
-- `original_locale`; the other languages' names are translations with the same
-- missing / out-of-date markers as postings. `name_key` columns hold the names folded to lower
-- case by the application, for lookups in any case (the same folding on every backend).
-- Keep in step with the other backends' migrations and schema.rs.
CREATE TABLE places (
    id BIGSERIAL PRIMARY KEY,
    geonames_id BIGINT UNIQUE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    original_locale TEXT NOT NULL CHECK (original_locale IN ('en', 'de', 'uk')),
    country_code TEXT NOT NULL,
    latitude DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    population BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    text_updated_at TIMESTAMP NOT NULL
);
CREATE INDEX places_name_key ON places (name_key);

CREATE TABLE place_translations (
    id BIGSERIAL PRIMARY KEY,
    place_id BIGINT NOT NULL REFERENCES places (id) ON DELETE CASCADE,
    locale TEXT NOT NULL CHECK (locale IN ('en', 'de', 'uk')),
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    source_updated_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (place_id, locale)
);
CREATE INDEX place_translations_name_key ON place_translations (name_key);

ALTER TABLE jobs ADD COLUMN place_id BIGINT REFERENCES places (id) ON DELETE SET NULL;
CREATE INDEX jobs_place_id ON jobs (place_id);
ALTER TABLE companies ADD COLUMN place_id BIGINT REFERENCES places (id) ON DELETE SET NULL;
CREATE INDEX companies_place_id ON companies (place_id);

-- Bumped by the application when places change (an import writes tens of thousands of rows:
-- one bump, not a trigger per row); the search index reloads its gazetteer then.
ALTER TABLE search_state ADD COLUMN places_version BIGINT NOT NULL DEFAULT 1;

-- The back office's list of places caches its scope counts until places or their names change
-- (see the change_counters migration); names count as changes to their place.
CREATE SEQUENCE places_changes;
CREATE TRIGGER places_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON places
    FOR EACH STATEMENT EXECUTE FUNCTION count_change('places_changes');
CREATE TRIGGER place_translations_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON place_translations
    FOR EACH STATEMENT EXECUTE FUNCTION count_change('places_changes');
