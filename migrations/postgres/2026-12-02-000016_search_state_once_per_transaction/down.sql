CREATE OR REPLACE FUNCTION bump_search_state() RETURNS trigger AS $$
BEGIN
    UPDATE search_state SET version = version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

ALTER TABLE search_state DROP COLUMN bumped_by;
