ALTER TABLE companies DROP COLUMN longitude;
ALTER TABLE companies DROP COLUMN latitude;
ALTER TABLE companies DROP COLUMN street_address;
ALTER TABLE jobs DROP COLUMN street_address;
