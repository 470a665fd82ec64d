ALTER TABLE companies DROP COLUMN longitude, DROP COLUMN latitude, DROP COLUMN street_address;
ALTER TABLE jobs DROP COLUMN street_address;
