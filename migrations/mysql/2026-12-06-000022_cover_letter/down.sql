ALTER TABLE jobs DROP COLUMN cover_letter;
