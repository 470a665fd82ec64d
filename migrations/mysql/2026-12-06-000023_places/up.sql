-- Places: cities with coordinates and a name in every language of the board, imported from
-- gazetteer data (`hireboard places import`) or entered in the back office. `name` is in
-- `original_locale`; the other languages' names are translations with the same
-- missing / out-of-date markers as postings. `name_key` columns hold the names folded to lower
-- case by the application, for lookups in any case (the same folding on every backend).
-- Keep in step with the other backends' migrations and schema.rs.
CREATE TABLE places (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    geonames_id BIGINT,
    name VARCHAR(200) NOT NULL,
    name_key VARCHAR(200) NOT NULL,
    original_locale VARCHAR(16) NOT NULL CHECK (original_locale IN ('en', 'de', 'uk')),
    country_code VARCHAR(2) NOT NULL,
    latitude DOUBLE NOT NULL,
    longitude DOUBLE NOT NULL,
    population BIGINT NOT NULL DEFAULT 0,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    text_updated_at DATETIME(6) NOT NULL,
    CONSTRAINT places_geonames_id_key UNIQUE (geonames_id),
    INDEX places_name_key (name_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE place_translations (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    place_id BIGINT NOT NULL,
    locale VARCHAR(16) NOT NULL CHECK (locale IN ('en', 'de', 'uk')),
    name VARCHAR(200) NOT NULL,
    name_key VARCHAR(200) NOT NULL,
    source_updated_at DATETIME(6) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    -- Also the index of the foreign key (place_id comes first).
    CONSTRAINT place_translations_place_id_locale_key UNIQUE (place_id, locale),
    CONSTRAINT place_translations_place_id_fkey FOREIGN KEY (place_id)
        REFERENCES places (id) ON DELETE CASCADE,
    INDEX place_translations_name_key (name_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE jobs ADD COLUMN place_id BIGINT,
    ADD CONSTRAINT jobs_place_id_fkey FOREIGN KEY (place_id) REFERENCES places (id) ON DELETE SET NULL;
ALTER TABLE companies ADD COLUMN place_id BIGINT,
    ADD CONSTRAINT companies_place_id_fkey FOREIGN KEY (place_id) REFERENCES places (id) ON DELETE SET NULL;

-- Bumped by the application when places change (an import writes tens of thousands of rows:
-- one bump, not a trigger per row); the search index reloads its gazetteer then.
ALTER TABLE search_state ADD COLUMN places_version BIGINT NOT NULL DEFAULT 1;

-- The back office's list of places caches its scope counts until places or their names change
-- (see the change_counters migration); names count as changes to their place.
CREATE TRIGGER places_ai_changes AFTER INSERT ON places FOR EACH ROW INSERT INTO change_events (name) VALUES ('places');
CREATE TRIGGER places_au_changes AFTER UPDATE ON places FOR EACH ROW INSERT INTO change_events (name) VALUES ('places');
CREATE TRIGGER places_ad_changes AFTER DELETE ON places FOR EACH ROW INSERT INTO change_events (name) VALUES ('places');
CREATE TRIGGER place_translations_ai_changes AFTER INSERT ON place_translations FOR EACH ROW INSERT INTO change_events (name) VALUES ('places');
CREATE TRIGGER place_translations_au_changes AFTER UPDATE ON place_translations FOR EACH ROW INSERT INTO change_events (name) VALUES ('places');
CREATE TRIGGER place_translations_ad_changes AFTER DELETE ON place_translations FOR EACH ROW INSERT INTO change_events (name) VALUES ('places');
