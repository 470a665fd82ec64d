DROP TRIGGER place_translations_changes ON place_translations;
DROP TRIGGER places_changes ON places;
DROP SEQUENCE places_changes;
ALTER TABLE search_state DROP COLUMN places_version;
ALTER TABLE companies DROP COLUMN place_id;
ALTER TABLE jobs DROP COLUMN place_id;
DROP TABLE place_translations;
DROP TABLE places;
