DROP TABLE skill_translations;
ALTER TABLE skills DROP COLUMN text_updated_at;
ALTER TABLE skills DROP COLUMN original_locale;
